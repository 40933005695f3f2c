import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

// A button that takes the keyboard focus when it appears (focus=true): a confirming step puts
// it on its confirming button, and Cancel gives it back to the button that opened the step.
// With type "submit" it is its form's button, so Enter in a field of the form presses it.
export function FocusedButton(props: {
  class: string;
  type?: "button" | "submit";
  focus: boolean;
  disabled: boolean;
  onClick?: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.focus) ref.current?.focus();
  }, []);
  return (
    <button ref={ref} type={props.type ?? "button"} class={props.class} disabled={props.disabled} onClick={props.onClick}>
      {props.children}
    </button>
  );
}
