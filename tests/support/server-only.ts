// Lets server modules be imported by Vitest (the real package throws outside React Server Components).
export {};
