"use client";
// A labelled drop-down of a GET filter form: its options, and "any" (an empty value) first when given.
import { Field, makeStyles, Select } from "@fluentui/react-components";

// A long option must not push the drop-down out of its grid cell.
const useStyles = makeStyles({ fit: { minWidth: 0, maxWidth: "100%" } });

export function FilterSelect({ label, name, value, anyLabel, options }: { label: string; name: string; value?: string; anyLabel?: string; options: { value: string; label: string }[] }) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.fit}>
      <Select name={name} defaultValue={value ?? ""} className={styles.fit}>
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
