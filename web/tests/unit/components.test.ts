import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import ErrorSummary from '@/components/ErrorSummary.vue';
import RadioGroup from '@/components/RadioGroup.vue';
import TextField from '@/components/TextField.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TextField', () => {
  it('has its label above, its hint and its own error tied to the input', () => {
    const wrapper = mount(TextField, {
      props: { name: 'contact_phone', label: '联系电话', hint: '例如 13800138000', error: '请填写联系电话', modelValue: '' },
    });
    const input = wrapper.get('input');
    expect(wrapper.get('label').attributes('for')).toBe('field-contact_phone');
    expect(input.attributes('id')).toBe('field-contact_phone');
    expect(input.attributes('aria-describedby')).toBe('field-contact_phone-hint field-contact_phone-error');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('placeholder')).toBeUndefined();
    expect(wrapper.get('#field-contact_phone-error').text()).toBe('错误：请填写联系电话');
  });

  it('marks an optional question in its label', () => {
    const wrapper = mount(TextField, { props: { name: 'contact_email', label: '电子邮箱', optional: true, modelValue: '' } });
    expect(wrapper.get('label').text()).toBe('电子邮箱（选填）');
    expect(wrapper.get('input').attributes('aria-invalid')).toBeUndefined();
  });
});

describe('RadioGroup', () => {
  it('is a fieldset whose legend can be the page’s h1, the first radio taking the field’s id', () => {
    const wrapper = mount(RadioGroup, {
      props: {
        name: 'objector_type',
        legend: '您以单位还是个人名义提出异议？',
        options: [
          { value: 'organisation', label: '单位' },
          { value: 'individual', label: '个人' },
        ],
        heading: true,
        modelValue: '',
      },
    });
    expect(wrapper.get('legend h1').text()).toBe('您以单位还是个人名义提出异议？');
    expect(wrapper.findAll('input[type="radio"]').map((i) => i.attributes('id'))).toEqual(['field-objector_type', 'field-objector_type-1']);
  });
});

describe('ErrorSummary', () => {
  const Page = defineComponent({
    setup() {
      const items = ref([{ field: 'grounds', message: '请写明异议内容和理由' }, { field: 'id_number', message: '请填写居民身份证号码' }]);
      const selected = ref('');
      return () => [
        h(ErrorSummary, { items: items.value, onSelect: (field: string) => (selected.value = field) }),
        h('label', { for: 'field-grounds' }, '异议内容'),
        h('textarea', { id: 'field-grounds' }),
        h('output', { id: 'selected' }, selected.value),
      ];
    },
  });

  it('takes the focus, and links each error to its field', async () => {
    const wrapper = mount(Page, { attachTo: document.body });
    await nextTick();
    await nextTick();
    const summary = wrapper.get('.error-summary');
    expect(summary.attributes('role')).toBe('alert');
    expect(document.activeElement).toBe(summary.element);
    const links = wrapper.findAll('.error-summary a');
    expect(links.map((a) => [a.attributes('href'), a.text()])).toEqual([
      ['#field-grounds', '请写明异议内容和理由'],
      ['#field-id_number', '请填写居民身份证号码'],
    ]);

    await links[0]!.trigger('click');
    expect(document.activeElement?.id).toBe('field-grounds');

    // A field on another page of the form: the page is asked to go there.
    await links[1]!.trigger('click');
    expect(wrapper.get('#selected').text()).toBe('id_number');
  });

  it('shows a form-level message without field links', () => {
    const wrapper = mount(ErrorSummary, { props: { items: [], description: '公示期已结束，不再受理异议' } });
    expect(wrapper.text()).toContain('公示期已结束，不再受理异议');
    expect(wrapper.findAll('a')).toHaveLength(0);
  });

  it('shows nothing when there is nothing wrong', () => {
    expect(mount(ErrorSummary, { props: { items: [] } }).html()).not.toContain('error-summary');
  });
});
