"use client";
// Fluent UI for the App Router: styles rendered on the server and inserted into the HTML, so the
// first paint is already styled. Every <style> element Griffel and the FluentProvider write, on the
// server or later in the browser, carries the request's CSP nonce.
import { useRef, useState, type ReactNode } from "react";
import { useServerInsertedHTML } from "next/navigation";
import { createDOMRenderer, FluentProvider, RendererProvider, renderToStyleElements, SSRProvider, webLightTheme } from "@fluentui/react-components";

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const [renderer] = useState(() =>
    createDOMRenderer(typeof document === "undefined" ? undefined : document, { styleElementAttributes: nonce ? { nonce } : undefined }),
  );
  const inserted = useRef(false);
  useServerInsertedHTML(() => {
    if (inserted.current) return null;
    inserted.current = true;
    return <>{renderToStyleElements(renderer)}</>;
  });
  return (
    <RendererProvider renderer={renderer}>
      <SSRProvider>
        <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
          {children}
        </FluentProvider>
      </SSRProvider>
    </RendererProvider>
  );
}
