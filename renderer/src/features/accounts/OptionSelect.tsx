import { SelectField as BaseSelect, type SelectFieldProps as BaseProps } from '../../ui/SelectField';

export interface SelectOption {
  value: string;
  label: string;
}

export interface OptionSelectProps extends Omit<BaseProps, 'children'> {
  options: SelectOption[];
  /** The label of the empty choice; omit to offer none. */
  emptyLabel?: string | undefined;
}

/** The shared select, fed from a list of options (enum labels, people, tiers). */
export function SelectField({ options, emptyLabel, ...rest }: OptionSelectProps) {
  return (
    <BaseSelect {...rest}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </BaseSelect>
  );
}
