import { nextTick, watch, type WatchSource } from 'vue';

/** Focus the page's h1 (else main), as a new page load would put a screen reader at the top. */
export function focusMainHeading(): void {
  const main = document.getElementById('main-content');
  const target = main?.querySelector<HTMLElement>('h1') ?? main;
  if (!target) return;
  if (target !== main && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/** Moves the focus to the new h1 whenever `source` changes (the pages of a multi-page form). */
export function useFocusHeadingOn(source: WatchSource): void {
  watch(source, async () => {
    await nextTick();
    // The error summary takes the focus itself when the new page opens with errors.
    if (document.activeElement?.closest('.error-summary')) return;
    focusMainHeading();
  });
}
