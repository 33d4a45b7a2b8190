/** Whether the screen is a phone's (under 768 px): some Element Plus components take a column count, not CSS. */
import { onBeforeUnmount, ref, type Ref } from 'vue';

const PHONE = '(max-width: 767px)';

export function useNarrow(): Ref<boolean> {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(PHONE) : null;
  const narrow = ref(query?.matches ?? false);
  const follow = (event: MediaQueryListEvent) => (narrow.value = event.matches);
  query?.addEventListener('change', follow);
  onBeforeUnmount(() => query?.removeEventListener('change', follow));
  return narrow;
}
