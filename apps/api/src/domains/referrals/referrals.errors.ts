import { AppError } from '../../http/errors.js';

export const referralErrors = {
  bedTaken: (bedCode: string) =>
    new AppError(409, 'referral.bed_taken', { zh: `床位 ${bedCode} 已被占用或预留，请选择其他床位`, en: `Bed ${bedCode} is already held or occupied; choose another bed` }, { bedCode }),
  bedNotFound: () => new AppError(404, 'bed.not_found', { zh: '床位不存在或无权查看', en: 'Bed not found' }),
  bedOutOfService: (bedCode: string) =>
    new AppError(409, 'referral.bed_out_of_service', { zh: `床位 ${bedCode} 暂停使用`, en: `Bed ${bedCode} is out of service` }, { bedCode }),
  wardNotFound: () => new AppError(404, 'ward.not_found', { zh: '病区不存在或无权查看', en: 'Ward not found' }),
  departmentMismatch: () =>
    new AppError(400, 'referral.department_mismatch', { zh: '接收科室不属于接收机构', en: 'The receiving department does not belong to the receiving institution' }),
  sameInstitution: () =>
    new AppError(400, 'referral.same_institution', { zh: '不能转诊到本机构', en: 'A referral must go to another institution' }),
  lateralNeedsAgreement: () =>
    new AppError(403, 'referral.no_agreement', {
      zh: '同级机构之间的平转需要双方有有效的合作协议',
      en: 'A lateral referral between institutions of the same tier needs an active agreement between them',
    }),
  greenCategoryRequired: () =>
    new AppError(400, 'referral.green_category_required', { zh: '绿色通道转诊须选择有效的绿色通道类别', en: 'A green-channel referral needs an active green-channel category' }),
  greenCategoryWithoutChannel: () =>
    new AppError(400, 'referral.green_category_without_channel', { zh: '未选择绿色通道时不能填写绿色通道类别', en: 'A green-channel category needs the green channel' }),
  followUpPlanRequired: () =>
    new AppError(400, 'referral.follow_up_plan_required', { zh: '下转须附随访计划', en: 'A down-referral needs a follow-up plan' }),
  consultNotFound: () => new AppError(404, 'consult.not_found', { zh: '会诊不存在或无权查看', en: 'Consult not found' }),
  idempotencyKeyReused: () =>
    new AppError(409, 'idempotency.key_reused', { zh: '该幂等键已用于其他请求', en: 'This Idempotency-Key was already used for another request' }),
  followUpNotFound: () => new AppError(404, 'referral.follow_up_not_found', { zh: '随访记录不存在', en: 'Follow-up visit not found' }),
  followUpAlreadyDone: () =>
    new AppError(409, 'referral.follow_up_done', { zh: '该次随访已记录', en: 'This follow-up visit is already recorded' }),
  appointmentRequired: () =>
    new AppError(400, 'referral.appointment_required', { zh: '门诊接收须填写预约时间', en: 'An outpatient acceptance needs an appointment time' }),
  bedOnlyForAdmission: () =>
    new AppError(400, 'referral.bed_only_for_admission', { zh: '只有住院接收才能预留床位', en: 'Only an admission can reserve a bed' }),
} as const;
