"use client";
// The boundary of a page that fails on the server: it shows components/PageErrorView.tsx. Every page
// loads its boundary up front, so the view (and its button) is loaded only when a page fails. In
// production the error carries only a digest, never its message or stack.
import { lazy, Suspense } from "react";

const PageErrorView = lazy(() => import("@/components/PageErrorView").then((m) => ({ default: m.PageErrorView })));

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Suspense fallback={null}>
      <PageErrorView reset={reset} />
    </Suspense>
  );
}
