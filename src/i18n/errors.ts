/**
 * Error and validation messages, zh-CN first and English second. The one place where the
 * server's user-facing error text lives; codes are stable API, messages may be reworded.
 */
export interface Message {
  zh: string;
  en: string;
}

/** Messages for the named domain errors (see src/platform/errors.ts for the HTTP status of each). */
export const errorMessages = {
  VALIDATION_FAILED: { zh: '输入内容有误，请检查标出的字段', en: 'The input is invalid; see the fields listed' },
  MALFORMED_REQUEST: { zh: '请求格式不正确', en: 'The request is malformed' },
  PAYLOAD_TOO_LARGE: { zh: '上传内容超过大小限制', en: 'The upload exceeds the size limit' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in first' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_DISABLED: { zh: '账户已停用', en: 'The account is disabled' },
  CSRF_TOKEN_INVALID: { zh: '页面已过期，请刷新后重试（CSRF 校验失败）', en: 'CSRF token missing or invalid; reload and try again' },
  CROSS_SITE_REQUEST: { zh: '请从本系统页面内打开该内容（拒绝来自其他网站的请求）', en: 'Open this from the application’s own pages; requests from other sites are refused' },
  FORBIDDEN: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '未找到该记录', en: 'Not found' },
  ROUTE_NOT_FOUND: { zh: '接口不存在', en: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { zh: '不支持的请求方法', en: 'Method not allowed' },
  CONFLICT: { zh: '与现有记录冲突', en: 'Conflicts with an existing record' },
  DUPLICATE_CREDIT_CODE: { zh: '统一社会信用代码已被其他主体使用', en: 'The unified social credit code is already registered' },
  DUPLICATE_CERTIFICATE_NUMBER: { zh: '执法证件号码已存在', en: 'The certificate number is already registered' },
  DUPLICATE_USERNAME: { zh: '用户名已存在', en: 'The user name is taken' },
  DUPLICATE_REGION_CODE: { zh: '行政区划代码已存在', en: 'The region code already exists' },
  DUPLICATE_ID_NUMBER: { zh: '该身份证号码已登记', en: 'The ID number is already registered in this agency' },
  REGION_PARENT_MISMATCH: { zh: '上级行政区划与代码不符', en: 'The parent region does not match the code' },
  LEGAL_DIVISION_EXISTS: { zh: '本机关已指定法制审核机构', en: 'The agency already has a legal-affairs division' },
  AGENCY_NOT_CONFIRMED: { zh: '执法主体资格尚未经司法行政部门确认', en: 'The agency’s status has not been confirmed by the justice bureau' },
  ALREADY_CONFIRMED: { zh: '执法主体资格已确认', en: 'The agency’s status is already confirmed' },
  POSITION_HOLDING_OVERLAP: { zh: '该职务在此期间已有任职人员，任职时间不能重叠', en: 'The position already has a holder in that period; holdings may not overlap' },
  DUPLICATE_POSITION_TITLE: { zh: '本机关已有同名职务', en: 'The agency already has a position with this title' },
  DUPLICATE_GROUP_NAME: { zh: '本机关已有同名领导小组', en: 'The agency already has a leading group with this name' },
  CALENDAR_YEAR_NOT_LOADED: { zh: '该年度节假日安排尚未录入', en: 'The holiday calendar for that year is not loaded' },
  CERTIFICATE_DATES_INVALID: { zh: '证件有效期截止日期应晚于发证日期', en: 'The expiry date must be after the issue date' },
  IMPORT_REJECTED: { zh: '导入文件有错误，未导入任何数据', en: 'The import file has errors; nothing was imported' },
  INVALID_SPREADSHEET: { zh: '无法读取该表格文件', en: 'The spreadsheet cannot be read' },
  INVALID_IMAGE: { zh: '照片须为 JPEG 或 PNG 图片', en: 'The photo must be a JPEG or PNG image' },
  WEAK_PASSWORD: { zh: '密码至少 10 位，且须包含字母和数字', en: 'The password needs at least 10 characters with letters and digits' },
  // — recording (cases, documents, evidence, archive) —
  STEP_NOT_ALLOWED: { zh: '当前环节不允许执行该步骤', en: 'This step is not a legal next step of the case' },
  STEP_REQUIREMENTS_MISSING: { zh: '该步骤缺少必需的文书或音像记录（或未说明理由）', en: 'The step lacks required documents or audio/video records (or a reason why not)' },
  CASE_NOT_OPEN: { zh: '案件已办结或已归档，不能再办理该步骤', en: 'The case is closed or archived' },
  OFFICERS_INSUFFICIENT: { zh: '执法人员不得少于两人，且须持有在有效期内的执法证件', en: 'At least two officers with certificates valid on that date are required' },
  SUMMARY_PENALTY_LIMIT: { zh: '超出简易程序当场处罚的法定限额（行政处罚法第五十一条）', en: 'Beyond the limits of an on-the-spot penalty (Administrative Penalty Law Art. 51)' },
  TIME_WINDOW_OPEN: { zh: '法定期限尚未届满，暂不能执行该步骤', en: 'A statutory time window is still open' },
  EXTENSION_TOO_LATE: { zh: '期限已届满或已完成，不能再延长', en: 'The time limit has already passed or been met and can no longer be extended' },
  HEARING_NOTICE_TOO_SHORT: { zh: '应当在举行听证的七日前通知当事人（行政处罚法第六十四条）', en: 'The party must be notified 7 working days before the hearing (Art. 64)' },
  SIGNATURE_OR_REFUSAL_REQUIRED: { zh: '该文书须由当事人签名，或注明拒绝签名的理由', en: 'The party must sign this document, or the refusal to sign must be recorded with its reason' },
  AGENCY_ABBREVIATION_MISSING: { zh: '执法主体未设置文书简称，无法编号', en: 'The agency has no document abbreviation for numbering' },
  DUPLICATE_POWER_ITEM_CODE: { zh: '权力事项编码已存在', en: 'The power item code already exists' },
  POWER_ITEM_CATEGORY_MISMATCH: { zh: '权力事项类别与案件类别不一致', en: 'The power item belongs to another category' },
  DUPLICATE_DEVICE_SERIAL: { zh: '设备编号已登记', en: 'The device serial number is already registered' },
  DEVICE_ON_LOAN: { zh: '设备已借出，尚未归还', en: 'The device is on loan' },
  DEVICE_NOT_ON_LOAN: { zh: '设备未借出', en: 'The device is not on loan' },
  DEVICE_RETIRED: { zh: '设备已报废', en: 'The device is retired' },
  UPLOAD_INCOMPLETE: { zh: '文件尚未上传完成', en: 'The upload is not complete' },
  EVIDENCE_RESTRICTED: { zh: '该证据涉密，您无权查看', en: 'This evidence is confidential and you may not see it' },
  RANGE_NOT_SATISFIABLE: { zh: '请求的字节范围超出文件大小', en: 'The requested byte range lies outside the file' },
  CASE_FILE_NOT_COMPILED: { zh: '卷宗尚未立卷', en: 'The case file has not been compiled' },
  CASE_FILE_EXISTS: { zh: '卷宗已立卷', en: 'The case file is already compiled' },
  ACCESS_REQUEST_STATE: { zh: '查阅申请当前状态不允许该操作', en: 'The access request is not in a state that allows this' },
  ACCESS_NOT_GRANTED: { zh: '没有有效的查阅授权', en: 'No valid access grant' },
  INTERNAL: { zh: '服务器内部错误', en: 'Internal server error' },
  // Issue 7, privileges: separation of duties in access requests (R9).
  SELF_APPROVAL_FORBIDDEN: { zh: '不能审批本人提出的事项、申请或本人已出具意见的申请', en: 'You may not approve what you proposed or lodged, or a request you gave the opinion on' },
  ACCESS_GRANT_NOT_HELD: { zh: '该查阅授权不属于您，只能由申请登记人使用', en: 'This access grant is not yours: only the person who lodged it may use it' },
  // — issue 7: logins, sessions, tokens —
  LOGIN_THROTTLED: { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  TOKEN_NEEDS_SESSION: { zh: '请登录后在页面上管理接口令牌，不能用接口令牌创建新令牌', en: 'API tokens are created from a logged-in session, not with another token' },
  // — issue 7: uploads, spreadsheets (branch upload) —
  FILE_TYPE_MISMATCH: { zh: '文件内容与声明的类型不符（如照片须为图片文件）', en: 'The file’s content does not match its declared kind (a photo must be an image, etc.)' },
  UPLOAD_QUOTA_EXCEEDED: { zh: '未完成的上传已占满您的上传空间，请先完成或取消其他上传', en: 'Your unfinished uploads fill your upload space; finish or cancel some first' },
  SPREADSHEET_TOO_LARGE: { zh: '表格文件解压后过大或行数过多，请删除无关内容或分批导入', en: 'The spreadsheet is too large once uncompressed, or has too many rows; remove what is not needed or split it' },
  // — issue 7: bad input never answers 500 (HTTP parser and router refusals, src/platform/http/client-errors.ts) —
  URI_TOO_LONG: { zh: '请求地址过长', en: 'The request URL is too long' },
  HEADERS_TOO_LARGE: { zh: '请求头过大', en: 'The request headers are too large' },
  REQUEST_TIMEOUT: { zh: '请求超时', en: 'The request timed out' },
  // — issue 9: a real-world date recorded with a step (served on, requested on, signed on) —
  EVENT_DATE_INVALID: { zh: '记录的日期不合理：不能晚于今天，也不能早于其所依据的前一事件', en: 'The date recorded is not possible: not after today, and not before the event it follows' },
  PARTY_SIGNATURE_REQUIRED: { zh: '当事人的声明须由其本人签名，拒绝签名的不构成声明', en: 'The party’s statement must carry the party’s signature: a refusal to sign is no statement' },
  // — issue 9: penalty filing and execution —
  LIMITATION_EXPIRED: { zh: '违法行为在法定期限内未被发现，不再给予行政处罚（行政处罚法第三十六条）', en: 'The offence was not discovered within the limitation period: no penalty may be imposed (Administrative Penalty Law Art. 36)' },
  PAYMENT_WINDOW_CLOSED: { zh: '缴纳罚款的期限已届满，不能再申请延期或者分期缴纳（行政处罚法第六十六条）', en: 'The time to pay the fine has passed; a deferral or instalments can no longer be applied for (Art. 66)' },
  PAYMENT_SCHEDULE_INVALID: { zh: '延期或者分期缴纳的安排有误：各期金额之和应等于罚款数额，日期依次在后', en: 'The deferral or instalment schedule is wrong: the instalments must add up to the fine, in date order' },
  LATE_PENALTY_EXCEEDS_LAW: { zh: '加处罚款超出法定数额（每日百分之三，且不得超出罚款数额；复议、诉讼期间不计算，行政处罚法第七十二条、第七十三条）', en: 'The late-payment penalty exceeds what the law allows (3 % a day, never more than the fine, review and litigation days left out; Arts. 72, 73)' },
  ON_SPOT_COLLECTION_NOT_ALLOWED: { zh: '不符合当场收缴罚款的法定情形，或未出具财政部门统一制发的专用票据（行政处罚法第六十八条至第七十条）', en: 'Not a case in which the fine may be collected on the spot, or no official receipt (Arts. 68–70)' },
  COURT_APPLICATION_TOO_LATE: { zh: '申请人民法院强制执行的期限已届满（行政强制法第五十三条）', en: 'The time to apply to the court for enforcement has passed (Administrative Coercion Law Art. 53)' },
  // — issue 9: licensing clocks (行政许可法) —
  APPLICATION_DEEMED_ACCEPTED: {
    zh: '自收到申请材料之日起五日内未告知补正，申请已视为受理，不能再告知补正或不予受理（行政许可法第三十二条）',
    en: 'No notice of missing materials within 5 working days of receipt: the application is deemed accepted (Licensing Law Art. 32)',
  },
  EXTENSION_TOO_LONG: { zh: '延长的期限超过法定上限（行政许可法第四十二条）', en: 'The extension is longer than the law allows (Licensing Law Art. 42)' },
  LICENCE_HEARING_NOTICE_TOO_SHORT: {
    zh: '应当于举行听证的七日前通知申请人、利害关系人（行政许可法第四十八条）',
    en: 'The applicant and interested parties must be notified 7 working days before the hearing (Licensing Law Art. 48)',
  },
} as const satisfies Record<string, Message>;

export type ErrorCode = keyof typeof errorMessages;

/** Messages for field-level validation issues, keyed by issue code. */
export const fieldIssueMessages = {
  required: { zh: '必填', en: 'Required' },
  invalid_type: { zh: '类型不正确', en: 'Wrong type' },
  too_small: { zh: '过短或过小', en: 'Too short or too small' },
  too_big: { zh: '过长或过大', en: 'Too long or too large' },
  invalid_format: { zh: '格式不正确', en: 'Wrong format' },
  invalid_value: { zh: '取值不在允许范围内', en: 'Not one of the allowed values' },
  unrecognized_keys: { zh: '包含未知字段', en: 'Unknown field' },
  invalid_date: { zh: '日期无效（格式应为 YYYY-MM-DD）', en: 'Invalid date (expected YYYY-MM-DD)' },
  credit_code_check: { zh: '统一社会信用代码校验位错误（GB 32100-2015）', en: 'Invalid unified social credit code (GB 32100-2015 check character)' },
  id_number_not_masked: { zh: '证件号码只能填写脱敏形式（如 532301********1234），不得填写完整号码', en: 'Enter the ID number only in masked form (e.g. 532301********1234), never in full' },
  id_number_check: { zh: '身份证号码校验位或出生日期错误（GB 11643-1999）', en: 'Invalid ID number (GB 11643-1999 check digit or birth date)' },
  region_code: { zh: '行政区划代码应为 6 位或 9 位数字（GB/T 2260）', en: 'Region code must be 6 or 9 digits (GB/T 2260)' },
  phone: { zh: '电话号码格式不正确', en: 'Invalid phone number' },
  not_in_agency: { zh: '本机关中不存在该记录', en: 'No such record in this agency' },
  leader_required: { zh: '须指定组长', en: 'A leader (组长) is required' },
  duplicate: { zh: '重复', en: 'Duplicate entry' },
  text_required: { zh: '请将单元格设置为文本格式后填写（数字格式会丢失位数）', en: 'Format the cell as text (a number cell loses digits)' },
  duplicate_in_file: { zh: '与文件中其他行重复', en: 'Duplicates another row of the file' },
  duplicate_in_database: { zh: '系统中已有该记录', en: 'Already registered' },
  region_not_found: { zh: '行政区划不存在', en: 'No such region' },
  out_of_scope: { zh: '不在您的管辖范围内', en: 'Outside your area of responsibility' },
  certificate_incomplete: { zh: '填写执法证号时须同时填写发证日期、有效期至和证件状态；未填执法证号时这三项应为空', en: 'A certificate number needs issue date, expiry date and status; without one they must be blank' },
  certificate_dates: { zh: '证件有效期截止日期应晚于发证日期', en: 'The expiry date must be after the issue date' },
  in_future: { zh: '不能晚于当前时间', en: 'Must not be in the future' },
  custom: { zh: '取值无效', en: 'Invalid value' },
  // — issue 7: uploads (branch upload) —
  too_early: { zh: '早于允许的最早时间', en: 'Earlier than the earliest accepted time' },
  // — issue 7: bad input never answers 500 (src/platform/http/storable-input.ts) —
  forbidden_character: { zh: '含有无法保存的字符（空字符 U+0000 或不成对的代理字符）', en: 'Contains a character that cannot be stored (NUL U+0000 or an unpaired surrogate)' },
  nesting_too_deep: { zh: '嵌套层级过深', en: 'Nested too deeply' },
} as const satisfies Record<string, Message>;

export type FieldIssueCode = keyof typeof fieldIssueMessages;
