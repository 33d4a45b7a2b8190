/** The words of the checks several forms share. */
export const ruleTexts = {
  usccMissing: '请填写统一社会信用代码',
  usccLength: '统一社会信用代码应为 18 位',
  usccInvalid: '统一社会信用代码无效，请核对',
  phoneMissing: '请填写联系电话',
  emailNeeded: '联系电话不是手机号码时，请填写电子邮箱，用于接收验证码',
  emailInvalid: '电子邮箱格式不正确，例如 name@example.com',
  phoneInvalid: '联系电话格式不正确，只能包含数字、空格和 + - ( )，共 7 至 20 位',
} as const;
