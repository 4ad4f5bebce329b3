/** What the source documents say about each agreement: phases, cooperation areas, targets and the size of a year's activity. */
import type { CooperationArea, MetricKey } from '@yilian/contracts';

export interface AgreementStory {
  code: string;
  descriptionZh: string;
  descriptionEn: string;
  areas: CooperationArea[];
  phases: { nameZh: string; nameEn: string; kind: string; startsOn: string; endsOn: string }[];
  targets: { metric: MetricKey; value: number; comparison?: 'gte' | 'lte'; year?: number; phase?: number }[];
  /** A year of generated activity. */
  activity: { batches: number; personTimes: number; trainees: number; techniques: number; sessions: number; host: string; assisting: string; depts: string[] };
}

const yearly = (years: number[], t: [MetricKey, number, ('gte' | 'lte')?][]) =>
  years.flatMap((year) => t.map(([metric, value, comparison]) => ({ metric, value, year, ...(comparison ? { comparison } : {}) })));

export const STORIES: AgreementStory[] = [
  {
    code: 'PUMCH-CZCH-2024',
    descriptionZh: '未来三年，北京协和医院在党建文化、学科建设、技术开展、人才培养、科研创新五大方面帮扶指导沧州市中心医院；共建“协和-沧州”神经内科示范转诊病房，打通重症、罕见病转诊绿色通道。',
    descriptionEn: 'Over three years PUMCH guides Cangzhou Central Hospital in party culture, discipline building, techniques, talent and research; a joint neurology demonstration referral ward and a green channel for critical and rare-disease patients.',
    areas: ['party_culture', 'discipline_building', 'technique', 'talent', 'research', 'telemedicine', 'two_way_referral'],
    phases: [{ nameZh: '指导共建', nameEn: 'Guided co-building', kind: 'guided_building', startsOn: '2024-10-02', endsOn: '2027-10-01' }],
    targets: yearly([2025, 2026], [
      ['dispatch.person_times', 40],
      ['consult.total', 100],
      ['training.trainees', 20],
      ['techniques.introduced', 5],
      ['referral.green_accept_within_30m_share', 0.95],
      ['consult.within_target_share', 0.9],
    ]),
    activity: { batches: 10, personTimes: 43, trainees: 50, techniques: 6, sessions: 24, host: 'CZCH', assisting: 'PUMCH', depts: ['NEURO', 'CARDIO', 'ICU', 'RHEUM', 'EMERG', 'GERI'] },
  },
  {
    code: 'CIP-LFMCH-2022',
    descriptionZh: '合作分两个阶段：第一阶段由廊坊市妇幼保健院与首都儿科研究所附属儿童医院在儿科、儿童保健等方面进行技术合作；第二阶段由廊坊市人民政府主导、廊坊市卫健委监管，探索廊坊市儿童医院迁建完成后的医院托管。',
    descriptionEn: 'Two phases: technical cooperation in pediatrics and child health care, then — led by the Langfang government and supervised by its health commission — trusteeship of the relocated Langfang Children’s Hospital.',
    areas: ['discipline_building', 'technique', 'talent', 'management'],
    phases: [
      { nameZh: '第一阶段：技术合作', nameEn: 'Phase 1: technical cooperation', kind: 'technical_cooperation', startsOn: '2022-09-01', endsOn: '2025-08-31' },
      { nameZh: '第二阶段：医院托管', nameEn: 'Phase 2: trusteeship', kind: 'trusteeship', startsOn: '2025-09-01', endsOn: '2027-08-31' },
    ],
    targets: [
      { metric: 'dispatch.person_times', value: 60, phase: 1 },
      { metric: 'training.trainees', value: 30, phase: 1 },
      { metric: 'dispatch.person_times', value: 80, phase: 2 },
      { metric: 'techniques.introduced', value: 8, phase: 2 },
      { metric: 'education.sessions', value: 40, phase: 2 },
    ],
    activity: { batches: 6, personTimes: 14, trainees: 12, techniques: 3, sessions: 18, host: 'LFMCH', assisting: 'CIP', depts: ['PEDS', 'CHC'] },
  },
  {
    code: 'BJ-QH-PUMCH-QHPPH',
    descriptionZh: '北京10大医院对口帮扶青海10所省级医院，从人才培养、学科建设、设备装备、学术交流、医院管理等方面给予帮扶。',
    descriptionEn: 'Beijing’s ten hospitals assist ten Qinghai provincial hospitals in talent, disciplines, equipment, academic exchange and hospital management.',
    areas: ['talent', 'discipline_building', 'management', 'telemedicine'],
    phases: [{ nameZh: '对口帮扶', nameEn: 'Paired assistance', kind: 'paired_assistance', startsOn: '2025-01-01', endsOn: '2027-12-31' }],
    targets: yearly([2025, 2026, 2027], [['dispatch.person_times', 24], ['training.trainees', 10], ['education.sessions', 12]]),
    activity: { batches: 4, personTimes: 12, trainees: 8, techniques: 2, sessions: 12, host: 'QHPPH', assisting: 'PUMCH', depts: ['NEURO', 'CARDIO'] },
  },
  {
    code: 'QH-HN-ALLIANCE',
    descriptionZh: '依托省—州—县—乡—村远程医学会诊信息系统，青海省人民医院帮扶海南州各级医疗机构。',
    descriptionEn: 'Qinghai Provincial People’s Hospital supports Hainan Prefecture’s institutions over the province-to-village telemedicine system.',
    areas: ['telemedicine', 'two_way_referral', 'talent'],
    phases: [{ nameZh: '远程医疗医联体', nameEn: 'Telemedicine alliance', kind: 'medical_alliance', startsOn: '2025-03-01', endsOn: '2028-02-29' }],
    targets: yearly([2025, 2026], [['consult.total', 150], ['education.sessions', 24], ['referral.followup_completion_share', 0.8]]),
    activity: { batches: 3, personTimes: 7, trainees: 6, techniques: 1, sessions: 20, host: 'HNZPH', assisting: 'QHPPH', depts: ['NEURO'] },
  },
  {
    code: 'SC-LZ-REGIONAL',
    descriptionZh: '四川省卫生健康委员会与泸州市人民政府共建区域医药健康中心，围绕区域医学高峰、智慧医疗、人才交流、基层卫生等方面展开合作。',
    descriptionEn: 'Sichuan Health Commission and Luzhou co-build a regional medical centre: medical peaks, smart healthcare, talent exchange, primary care.',
    areas: ['discipline_building', 'talent', 'telemedicine', 'public_health'],
    phases: [{ nameZh: '区域医疗中心共建', nameEn: 'Regional centre co-building', kind: 'medical_alliance', startsOn: '2025-06-01', endsOn: '2028-05-31' }],
    targets: yearly([2025, 2026], [['dispatch.person_times', 20], ['education.sessions', 12]]),
    activity: { batches: 3, personTimes: 6, trainees: 5, techniques: 2, sessions: 10, host: 'LXPH', assisting: 'SWMUAH', depts: ['NEURO'] },
  },
  {
    code: 'DY-INTEGRATION',
    descriptionZh: '推动市妇幼保健院与市人民医院一体化融合发展，“两院”共用科室，实现“1+1=1”的一体化管理和“1+1>2”的融合效果。',
    descriptionEn: 'Integration of the Dongying MCH hospital with Dongying People’s Hospital: shared departments, one management.',
    areas: ['party_culture', 'discipline_building', 'management'],
    phases: [{ nameZh: '一体化融合', nameEn: 'Integration', kind: 'integration', startsOn: '2023-01-01', endsOn: '2027-12-31' }],
    targets: yearly([2025, 2026], [['training.trainees', 10], ['education.sessions', 12]]),
    activity: { batches: 0, personTimes: 0, trainees: 6, techniques: 0, sessions: 12, host: 'DYMCH', assisting: 'DYPH', depts: ['PEDS'] },
  },
];

export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文'.split('');
export const GIVEN = ['明', '华', '丽', '军', '静', '敏', '强', '磊', '洋', '艳', '勇', '娟', '涛', '超', '霞', '平', '刚', '杰', '芳', '燕', '鹏', '宇', '婷', '雪', '晨', '欣', '博', '悦', '浩', '琳'];
