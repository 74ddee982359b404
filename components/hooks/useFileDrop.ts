"use client";
// A drop zone for files: drag and drop on the zone, or Browse (the zone's button, or Enter/Space on
// the focused zone) through a hidden file input. It hands over every file as given: the server checks
// each (type by content, size), so no type filter runs here. Kept small on purpose: the PoE page's
// JavaScript budget has no room for a general-purpose drop-zone library and its MIME table.
import { useRef, useState, type ChangeEvent, type DragEvent, type KeyboardEvent } from "react";

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes("Files");

export function useFileDrop({ onFiles, disabled = false }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  // dragenter and dragleave fire for every child the pointer crosses: count them.
  const depth = useRef(0);
  const open = () => {
    if (!disabled) input.current?.click();
  };
  const rootProps = {
    role: "presentation" as const,
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.target !== event.currentTarget || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      open();
    },
    onDragEnter: (event: DragEvent<HTMLElement>) => {
      if (disabled || !carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setActive(true);
    },
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (disabled || !carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    },
    onDragLeave: () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      if (disabled) return;
      event.preventDefault();
      depth.current = 0;
      setActive(false);
      const files = Array.from(event.dataTransfer.files);
      if (files.length) onFiles(files);
    },
  };
  const inputProps = {
    ref: input,
    type: "file" as const,
    multiple: true,
    tabIndex: -1,
    style: { display: "none" },
    disabled,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const files = Array.from(event.target.files ?? []);
      // The same file can be chosen again after a failed upload.
      event.target.value = "";
      if (files.length) onFiles(files);
    },
  };
  return { rootProps, inputProps, active, open };
}
