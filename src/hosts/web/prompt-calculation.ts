// Univer 0.25.1 waits 100 ms after every value change before it starts recalculating formulas
// (TriggerCalculationController in @univerjs/sheets-formula: a setTimeout that batches the changes of a paste or
// of a script). Conditional-format rules are formulas, so a user's Enter turned red no sooner than 100 ms plus the
// calculation plus a frame. After a user's own edit nothing more is coming, so the page starts that same
// calculation at once (at the end of the current task, so one edit's changes still go as one batch); bulk writes
// (building the report, opening a file) keep Univer's batching while they run, and the start-up asks for its first
// calculation this way once all of its commands are in (start-sheet.ts). The steps are Univer's own, taken from the
// controller's timer callback; should a later Univer change those internals, this does nothing and the 100 ms
// timer stays in charge.
import type { Injector } from '@univerjs/presets';
import {
  SetFormulaCalculationStartMutation,
  SetFormulaCalculationStopMutation,
  TriggerCalculationController,
} from '@univerjs/preset-sheets-core';
import { ICommandService } from '@univerjs/presets';

/** The parts of TriggerCalculationController (0.25.1) its timer callback uses. */
interface TriggerInternals {
  _waitingCommandQueue: unknown[];
  _setTimeoutKey: ReturnType<typeof setTimeout>;
  _executingDirtyData: object;
  _executionInProgressParams: unknown;
  _restartCalculation: boolean;
  _generateDirty(commands: unknown[]): object;
  _mergeDirty(current: object, added: object): object;
}

function internals(trigger: unknown): TriggerInternals | null {
  const t = trigger as Partial<TriggerInternals>;
  const ok =
    Array.isArray(t._waitingCommandQueue) &&
    typeof t._generateDirty === 'function' &&
    typeof t._mergeDirty === 'function' &&
    '_executingDirtyData' in t &&
    '_executionInProgressParams' in t &&
    '_setTimeoutKey' in t;
  return ok ? (t as TriggerInternals) : null;
}

/** Returns "start now": call it right after a user's edit. A no-op when Univer's internals are not as expected. */
export function promptCalculation(injector: Injector): () => void {
  const trigger = internals(injector.get(TriggerCalculationController));
  if (!trigger) return () => undefined;
  const commands = injector.get(ICommandService);
  let queued = false;
  const startNow = () => {
    queued = false;
    if (trigger._waitingCommandQueue.length === 0) return;
    clearTimeout(trigger._setTimeoutKey);
    const dirty = trigger._generateDirty(trigger._waitingCommandQueue);
    trigger._executingDirtyData = trigger._mergeDirty(trigger._executingDirtyData, dirty);
    if (trigger._executionInProgressParams == null)
      void commands.executeCommand(
        SetFormulaCalculationStartMutation.id,
        { ...trigger._executingDirtyData },
        { onlyLocal: true },
      );
    else {
      trigger._restartCalculation = true;
      void commands.executeCommand(SetFormulaCalculationStopMutation.id, {});
    }
    trigger._waitingCommandQueue = [];
  };
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(startNow);
  };
}
