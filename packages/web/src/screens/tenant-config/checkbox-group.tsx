import { useId } from 'react';

/** A set of choices as labelled checkboxes in a fieldset. */
export function CheckboxGroup<T extends string>(props: { legend: string; options: readonly T[]; value: T[]; onChange: (v: T[]) => void }) {
  const id = useId();
  return (
    <fieldset className="checkboxes">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <span key={option} className="checkbox">
          <input
            type="checkbox"
            id={`${id}-${option}`}
            checked={props.value.includes(option)}
            onChange={(e) => props.onChange(e.target.checked ? [...props.value, option] : props.value.filter((v) => v !== option))}
          />
          <label htmlFor={`${id}-${option}`}>{option}</label>
        </span>
      ))}
    </fieldset>
  );
}
