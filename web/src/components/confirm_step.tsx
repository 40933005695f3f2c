import { FocusedButton } from "./focused_button";

// The confirming step before an action that signs, shares, revokes or decides: the question in
// words, the confirming button (which takes the focus) and Cancel (the page gives the focus back
// to the button that opened the step).
export function ConfirmStep(props: {
  label: string;
  question: string;
  confirm: string;
  working: string;
  cancel: string;
  tone: "accept" | "reject";
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="confirm" role="group" aria-label={props.label}>
      <p>{props.question}</p>
      <FocusedButton class={props.tone} focus disabled={props.busy} onClick={props.onConfirm}>
        {props.busy ? props.working : props.confirm}
      </FocusedButton>{" "}
      <button type="button" disabled={props.busy} onClick={props.onCancel}>
        {props.cancel}
      </button>
    </div>
  );
}
