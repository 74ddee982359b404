"use client";
// True once the component runs in the browser after hydration (false during server rendering).
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);
