// Enter submits a field's form, except while a Chinese IME is composing: then Enter picks a candidate.
import type { KeyboardEvent } from 'react';

export function enterSubmits(submit: () => void) {
  return (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key !== 'Enter') return;
    // Also stops the browser's implicit form submission, which some browsers fire on the composing Enter.
    e.preventDefault();
    // keyCode 229 is what older WebKit reports for keys the IME consumes.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    submit();
  };
}
