"use client";
// A labelled drop-down of a GET filter form: its options, and "any" (an empty value) first when given.
import { Field, Select } from "@fluentui/react-components";

export function FilterSelect({ label, name, value, anyLabel, options }: { label: string; name: string; value?: string; anyLabel?: string; options: { value: string; label: string }[] }) {
  return (
    <Field label={label}>
      <Select name={name} defaultValue={value ?? ""}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
