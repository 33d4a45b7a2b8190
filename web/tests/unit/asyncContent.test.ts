import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import AsyncContent from '@/components/AsyncContent.vue';
import type { LoadState } from '@/composables/useResource';

function render(state: LoadState, pageHeading?: string) {
  return mount(AsyncContent, {
    props: { state, error: '无法连接到服务器，请检查网络连接后重试。', emptyTitle: '目前没有公示。', notFoundTitle: '没有找到这份公示', pageHeading },
    slots: { default: () => h('p', { class: 'ready' }, '内容'), empty: () => h('p', '请留意通知'), 'not-found': () => h('p', '返回') },
  });
}

describe('every state of a page', () => {
  it('loading: says so politely to screen readers', () => {
    const wrapper = render('loading');
    expect(wrapper.get('[role="status"]').text()).toBe('正在加载…');
    expect(wrapper.find('.ready').exists()).toBe(false);
  });

  it('error: says what went wrong and offers to try again', async () => {
    const wrapper = render('error');
    expect(wrapper.get('[role="alert"]').text()).toContain('无法连接到服务器');
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });

  it('empty: says there is nothing yet, and what to do', () => {
    const wrapper = render('empty');
    expect(wrapper.text()).toContain('目前没有公示。');
    expect(wrapper.text()).toContain('请留意通知');
  });

  it('ready: shows the content', () => {
    expect(render('ready').get('.ready').text()).toBe('内容');
  });

  it('keeps an h1 on a page whose heading comes with the data', () => {
    expect(render('loading', '公示').get('h1').text()).toBe('公示');
    expect(render('error', '公示').get('h1').text()).toBe('公示');
    expect(render('not-found', '公示').get('h1').text()).toBe('没有找到这份公示');
    expect(render('ready', '公示').find('h1').exists()).toBe(false);
  });
});
