/** @jest-environment jsdom */
// The pane's tab bar against the WAI-ARIA tabs pattern with manual activation
// (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/), which is what Fluent's TabList did before it: one tab stop,
// arrows move focus round the row without selecting, Home/End go to the ends, a click (Enter/Space on a button)
// selects; each tab names the panel it controls.
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { SectionTabs } from '../../src/taskpane/SectionTabs';

const TABS = [
  { id: 'check', label: '校验' },
  { id: 'template', label: '模板' },
  { id: 'export', label: '导出' },
];

function Harness({ onSelect }: { onSelect?: (id: string) => void }) {
  const [selected, setSelected] = useState('check');
  return (
    <SectionTabs
      tabs={TABS}
      selected={selected}
      label="功能"
      onSelect={(id) => {
        onSelect?.(id);
        setSelected(id);
      }}
    />
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });
const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });

it('is a labelled tablist whose tabs control their panels, with the selected tab the only tab stop', () => {
  render(<Harness />);
  expect(screen.getByRole('tablist', { name: '功能' })).toBeTruthy();
  expect(screen.getAllByRole('tab').map((t) => t.id)).toEqual(['tab-check', 'tab-template', 'tab-export']);
  expect(tab('校验').getAttribute('aria-selected')).toBe('true');
  expect(tab('模板').getAttribute('aria-selected')).toBe('false');
  expect(tab('模板').getAttribute('aria-controls')).toBe('panel-template');
  expect(tab('模板').id).toBe('tab-template');
  expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1]);
});

it('moves focus with the arrows round the row and with Home/End, selecting nothing until clicked', () => {
  const selected: string[] = [];
  render(<Harness onSelect={(id) => selected.push(id)} />);
  tab('校验').focus();
  press('ArrowRight');
  expect(document.activeElement).toBe(tab('模板'));
  press('ArrowRight');
  press('ArrowRight');
  expect(document.activeElement).toBe(tab('校验'));
  press('ArrowLeft');
  expect(document.activeElement).toBe(tab('导出'));
  press('Home');
  expect(document.activeElement).toBe(tab('校验'));
  press('End');
  expect(document.activeElement).toBe(tab('导出'));
  press('a');
  expect(document.activeElement).toBe(tab('导出'));
  expect(selected).toEqual([]);
  expect(tab('校验').getAttribute('aria-selected')).toBe('true');

  fireEvent.click(tab('导出'));
  expect(selected).toEqual(['export']);
  expect(tab('导出').getAttribute('aria-selected')).toBe('true');
  expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, -1, 0]);
});
