'use client';
import { deferred } from '@/components/ui/deferred';
import { Popover } from '@/components/ui/popover';
import type { SaveMenuProps } from './save-panel';

/** The save form and its conflict handling are fetched when the menu first opens. */
export const SavePanel = deferred(() => import('./save-panel').then((m) => m.SavePanel));

export function SaveMenu(props: SaveMenuProps) {
  return (
    <Popover label="Save view" align="end" trigger={props.view ? 'Save' : 'Save view'}>
      {(close) => <SavePanel {...props} close={close} />}
    </Popover>
  );
}
