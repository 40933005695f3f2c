import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

// A button that takes the keyboard focus when it appears (focus=true): a confirming step puts
// it on its confirming button, and Cancel gives it back to the button that opened the step.
export function FocusedButton(props: {
  class: string;
  focus: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.focus) ref.current?.focus();
  }, []);
  return (
    <button ref={ref} type="button" class={props.class} disabled={props.disabled} onClick={props.onClick}>
      {props.children}
    </button>
  );
}
