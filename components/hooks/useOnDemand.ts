"use client";
// Loads a heavy component when the user first reaches for its light stand-in (hover, focus or
// click), so pages do not download it up front. Says whether that first touch was a click (open
// at once) and whether the stand-in had the focus (give it to the real one).
import { useEffect, useRef, useState, type SyntheticEvent } from "react";

export function useOnDemand<T>(load: () => Promise<T>) {
  const [loaded, setLoaded] = useState<T | null>(null);
  const [start, setStart] = useState({ open: false, focus: false });
  const pending = useRef<Promise<unknown> | null>(null);
  const reach = (open: boolean) => (event: SyntheticEvent<HTMLElement>) => {
    const focus = typeof document !== "undefined" && document.activeElement === event.currentTarget;
    setStart((s) => ({ open: s.open || open, focus: s.focus || focus }));
    pending.current ??= load().then((value) => setLoaded(() => value));
  };
  return { loaded, start, handlers: { onPointerEnter: reach(false), onFocus: reach(false), onClick: reach(true) } };
}

/** For the loaded menu: its open state (open at once when reached by a click) and a trigger ref that takes the focus. */
export function useMenuHandOver({ initiallyOpen = false, autoFocus = false }: { initiallyOpen?: boolean; autoFocus?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) trigger.current?.focus();
  }, [autoFocus]);
  return { open, onOpenChange: (_: unknown, data: { open: boolean }) => setOpen(data.open), trigger };
}
