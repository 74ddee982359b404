// A form's zod validation whose schema, zod and the resolver are loaded when the form is first used (its
// first focus, at the latest its first validation), not with the page: showing a form needs none of it.
// The messages and the fields they land on are the schema's, as with zodResolver; the server validates
// every submission again.
import type { FieldValues, Resolver } from "react-hook-form";
import type { $ZodType, input, output } from "zod/v4/core";

export function resolverOnDemand<T extends $ZodType<unknown, FieldValues>>(load: () => Promise<T>) {
  type Loaded = Resolver<input<T>, unknown, output<T>>;
  let ready: Promise<Loaded> | null = null;
  const loaded = () =>
    (ready ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema) as Loaded,
      (error: unknown) => {
        // A failed download (the network) is tried again at the next validation.
        ready = null;
        throw error;
      },
    ));
  const resolver: Loaded = async (values, context, options) => (await loaded())(values, context, options);
  return { resolver, preload: () => void loaded().catch(() => undefined) };
}
