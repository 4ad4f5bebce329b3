/**
 * The demo network, drawn from the source documents in shared/seeds: the hospitals and health
 * commissions they name, with fictional staff. Every person here is invented.
 */
import type { Grade, InstitutionType, PractitionerTitle, Role, Tier } from '@yilian/contracts';

export interface SeedInstitution {
  code: string;
  nameZh: string;
  nameEn: string;
  shortNameZh?: string;
  tier: Tier;
  grade: Grade;
  type: InstitutionType;
  divisionCode: string;
  regionZh: string;
  regionEn: string;
  parent?: string;
}

export const INSTITUTIONS: SeedInstitution[] = [
  { code: 'NHC', nameZh: '国家卫生健康委员会', nameEn: 'National Health Commission', shortNameZh: '国家卫健委', tier: 'national', grade: 'unrated', type: 'authority', divisionCode: '110000', regionZh: '北京市', regionEn: 'Beijing' },
  { code: 'BJ-HC', nameZh: '北京市卫生健康委员会', nameEn: 'Beijing Municipal Health Commission', shortNameZh: '北京市卫健委', tier: 'provincial', grade: 'unrated', type: 'authority', divisionCode: '110000', regionZh: '北京市', regionEn: 'Beijing', parent: 'NHC' },
  { code: 'HE-HC', nameZh: '河北省卫生健康委员会', nameEn: 'Hebei Provincial Health Commission', shortNameZh: '河北省卫健委', tier: 'provincial', grade: 'unrated', type: 'authority', divisionCode: '130000', regionZh: '河北省', regionEn: 'Hebei', parent: 'NHC' },
  { code: 'CZ-HC', nameZh: '沧州市卫生健康委员会', nameEn: 'Cangzhou Municipal Health Commission', shortNameZh: '沧州市卫健委', tier: 'prefecture', grade: 'unrated', type: 'authority', divisionCode: '130900', regionZh: '河北省沧州市', regionEn: 'Cangzhou, Hebei', parent: 'HE-HC' },
  { code: 'LF-HC', nameZh: '廊坊市卫生健康委员会', nameEn: 'Langfang Municipal Health Commission', shortNameZh: '廊坊市卫健委', tier: 'prefecture', grade: 'unrated', type: 'authority', divisionCode: '131000', regionZh: '河北省廊坊市', regionEn: 'Langfang, Hebei', parent: 'HE-HC' },
  { code: 'QH-HC', nameZh: '青海省卫生健康委员会', nameEn: 'Qinghai Provincial Health Commission', shortNameZh: '青海省卫健委', tier: 'provincial', grade: 'unrated', type: 'authority', divisionCode: '630000', regionZh: '青海省', regionEn: 'Qinghai', parent: 'NHC' },
  { code: 'HN-HC', nameZh: '海南藏族自治州卫生健康委员会', nameEn: 'Hainan Tibetan Autonomous Prefecture Health Commission', shortNameZh: '海南州卫健委', tier: 'prefecture', grade: 'unrated', type: 'authority', divisionCode: '632500', regionZh: '青海省海南藏族自治州', regionEn: 'Hainan Prefecture, Qinghai', parent: 'QH-HC' },
  { code: 'SC-HC', nameZh: '四川省卫生健康委员会', nameEn: 'Sichuan Provincial Health Commission', shortNameZh: '四川省卫健委', tier: 'provincial', grade: 'unrated', type: 'authority', divisionCode: '510000', regionZh: '四川省', regionEn: 'Sichuan', parent: 'NHC' },
  { code: 'SD-HC', nameZh: '山东省卫生健康委员会', nameEn: 'Shandong Provincial Health Commission', shortNameZh: '山东省卫健委', tier: 'provincial', grade: 'unrated', type: 'authority', divisionCode: '370000', regionZh: '山东省', regionEn: 'Shandong', parent: 'NHC' },
  { code: 'DY-HC', nameZh: '东营市卫生健康委员会', nameEn: 'Dongying Municipal Health Commission', shortNameZh: '东营市卫健委', tier: 'prefecture', grade: 'unrated', type: 'authority', divisionCode: '370500', regionZh: '山东省东营市', regionEn: 'Dongying, Shandong', parent: 'SD-HC' },

  { code: 'PUMCH', nameZh: '北京协和医院', nameEn: 'Peking Union Medical College Hospital', shortNameZh: '协和', tier: 'national', grade: '3A', type: 'general', divisionCode: '110101', regionZh: '北京市东城区', regionEn: 'Dongcheng, Beijing', parent: 'NHC' },
  { code: 'PKUPH', nameZh: '北京大学人民医院', nameEn: 'Peking University People’s Hospital', shortNameZh: '北大人民医院', tier: 'national', grade: '3A', type: 'general', divisionCode: '110102', regionZh: '北京市西城区', regionEn: 'Xicheng, Beijing', parent: 'NHC' },
  { code: 'CIP', nameZh: '首都儿科研究所附属儿童医院', nameEn: 'Children’s Hospital, Capital Institute of Pediatrics', shortNameZh: '首儿所', tier: 'national', grade: '3A', type: 'children', divisionCode: '110105', regionZh: '北京市朝阳区', regionEn: 'Chaoyang, Beijing', parent: 'BJ-HC' },
  { code: 'CZCH', nameZh: '沧州市中心医院', nameEn: 'Cangzhou Central Hospital', shortNameZh: '沧州中心医院', tier: 'prefecture', grade: '3A', type: 'general', divisionCode: '130902', regionZh: '河北省沧州市', regionEn: 'Cangzhou, Hebei', parent: 'CZ-HC' },
  { code: 'LFMCH', nameZh: '廊坊市妇幼保健院（廊坊市儿童医院）', nameEn: 'Langfang Maternal and Child Health Hospital (Langfang Children’s Hospital)', shortNameZh: '廊坊妇幼', tier: 'prefecture', grade: '3B', type: 'maternal_child', divisionCode: '131002', regionZh: '河北省廊坊市', regionEn: 'Langfang, Hebei', parent: 'LF-HC' },
  { code: 'QHPPH', nameZh: '青海省人民医院', nameEn: 'Qinghai Provincial People’s Hospital', shortNameZh: '青海省人民医院', tier: 'provincial', grade: '3A', type: 'general', divisionCode: '630102', regionZh: '青海省西宁市', regionEn: 'Xining, Qinghai', parent: 'QH-HC' },
  { code: 'HNZPH', nameZh: '海南藏族自治州人民医院', nameEn: 'Hainan Tibetan Autonomous Prefecture People’s Hospital', shortNameZh: '海南州人民医院', tier: 'prefecture', grade: '3B', type: 'general', divisionCode: '632521', regionZh: '青海省海南藏族自治州', regionEn: 'Hainan Prefecture, Qinghai', parent: 'HN-HC' },
  { code: 'GHCH', nameZh: '共和县人民医院', nameEn: 'Gonghe County People’s Hospital', shortNameZh: '共和县医院', tier: 'county', grade: '2A', type: 'general', divisionCode: '632521', regionZh: '青海省海南州共和县', regionEn: 'Gonghe County, Qinghai', parent: 'HNZPH' },
  { code: 'QBQTHC', nameZh: '共和县恰卜恰镇卫生院', nameEn: 'Qiabuqia Town Health Centre, Gonghe', shortNameZh: '恰卜恰镇卫生院', tier: 'township', grade: '1A', type: 'primary_care', divisionCode: '632521', regionZh: '青海省海南州共和县', regionEn: 'Gonghe County, Qinghai', parent: 'GHCH' },
  { code: 'XXKVC', nameZh: '共和县恰卜恰镇西香卡村卫生室', nameEn: 'Xixiangka Village Clinic, Qiabuqia', shortNameZh: '西香卡村卫生室', tier: 'village', grade: 'unrated', type: 'village_clinic', divisionCode: '632521', regionZh: '青海省海南州共和县', regionEn: 'Gonghe County, Qinghai', parent: 'QBQTHC' },
  { code: 'DYPH', nameZh: '东营市人民医院', nameEn: 'Dongying People’s Hospital', shortNameZh: '东营市人民医院', tier: 'prefecture', grade: '3A', type: 'general', divisionCode: '370502', regionZh: '山东省东营市', regionEn: 'Dongying, Shandong', parent: 'DY-HC' },
  { code: 'DYMCH', nameZh: '东营市妇幼保健院', nameEn: 'Dongying Maternal and Child Health Hospital', shortNameZh: '东营市妇幼', tier: 'prefecture', grade: '3B', type: 'maternal_child', divisionCode: '370502', regionZh: '山东省东营市', regionEn: 'Dongying, Shandong', parent: 'DY-HC' },
  { code: 'SWMUAH', nameZh: '西南医科大学附属医院', nameEn: 'Affiliated Hospital of Southwest Medical University', shortNameZh: '西医附院', tier: 'provincial', grade: '3A', type: 'general', divisionCode: '510504', regionZh: '四川省泸州市', regionEn: 'Luzhou, Sichuan', parent: 'SC-HC' },
  { code: 'LXPH', nameZh: '泸县人民医院', nameEn: 'Luxian County People’s Hospital', shortNameZh: '泸县人民医院', tier: 'county', grade: '2A', type: 'general', divisionCode: '510521', regionZh: '四川省泸州市泸县', regionEn: 'Luxian County, Sichuan', parent: 'SWMUAH' },
  { code: 'YSTHC', nameZh: '泸县喻寺镇中心卫生院', nameEn: 'Yusi Town Central Health Centre, Luxian', shortNameZh: '喻寺中心卫生院', tier: 'township', grade: '1A', type: 'primary_care', divisionCode: '510521', regionZh: '四川省泸州市泸县', regionEn: 'Luxian County, Sichuan', parent: 'LXPH' },
];

export interface SeedDepartment {
  institution: string;
  code: string;
  nameZh: string;
  nameEn: string;
  specialty: string;
}

const dept = (institution: string, code: string, nameZh: string, nameEn: string, specialty = code.toLowerCase()): SeedDepartment => ({ institution, code, nameZh, nameEn, specialty });

export const DEPARTMENTS: SeedDepartment[] = [
  ...['PUMCH', 'CZCH', 'PKUPH', 'QHPPH'].flatMap((h) => [
    dept(h, 'NEURO', '神经内科', 'Neurology', 'neurology'),
    dept(h, 'CARDIO', '心内科', 'Cardiology', 'cardiology'),
    dept(h, 'ICU', '重症医学科', 'Critical Care Medicine', 'critical_care'),
    dept(h, 'RHEUM', '风湿免疫科', 'Rheumatology and Immunology', 'rheumatology'),
    dept(h, 'EMERG', '急诊科', 'Emergency Medicine', 'emergency'),
    dept(h, 'RADIO', '放射科', 'Radiology', 'radiology'),
  ]),
  dept('PUMCH', 'GERI', '老年医学科', 'Geriatrics', 'geriatrics'),
  dept('CZCH', 'GERI', '老年医学科', 'Geriatrics', 'geriatrics'),
  dept('PUMCH', 'PATH', '病理科', 'Pathology', 'pathology'),
  dept('CIP', 'PEDS', '儿内科', 'Pediatrics', 'pediatrics'),
  dept('CIP', 'CHC', '儿童保健科', 'Child Health Care', 'child_health'),
  dept('CIP', 'NICU', '新生儿重症监护室', 'Neonatal Intensive Care', 'neonatology'),
  dept('LFMCH', 'PEDS', '儿科', 'Pediatrics', 'pediatrics'),
  dept('LFMCH', 'CHC', '儿童保健科', 'Child Health Care', 'child_health'),
  dept('LFMCH', 'OBST', '产科', 'Obstetrics', 'obstetrics'),
  dept('HNZPH', 'MED', '内科', 'Internal Medicine', 'internal_medicine'),
  dept('HNZPH', 'NEURO', '神经内科', 'Neurology', 'neurology'),
  dept('HNZPH', 'PEDS', '儿科', 'Pediatrics', 'pediatrics'),
  dept('HNZPH', 'RADIO', '放射科', 'Radiology', 'radiology'),
  dept('GHCH', 'MED', '内科', 'Internal Medicine', 'internal_medicine'),
  dept('GHCH', 'PEDS', '儿科', 'Pediatrics', 'pediatrics'),
  dept('GHCH', 'RADIO', '放射科', 'Radiology', 'radiology'),
  dept('QBQTHC', 'GP', '全科', 'General Practice', 'general_practice'),
  dept('XXKVC', 'GP', '全科', 'General Practice', 'general_practice'),
  dept('DYPH', 'NEURO', '神经内科', 'Neurology', 'neurology'),
  dept('DYPH', 'PEDS', '儿科', 'Pediatrics', 'pediatrics'),
  dept('DYMCH', 'CREHAB', '儿童康复科', 'Child Rehabilitation', 'child_rehabilitation'),
  dept('DYMCH', 'CHC', '儿童保健科', 'Child Health Care', 'child_health'),
  dept('SWMUAH', 'NEURO', '神经内科', 'Neurology', 'neurology'),
  dept('SWMUAH', 'CARDIO', '心内科', 'Cardiology', 'cardiology'),
  dept('LXPH', 'MED', '内科', 'Internal Medicine', 'internal_medicine'),
  dept('YSTHC', 'GP', '全科', 'General Practice', 'general_practice'),
];

export interface SeedWard {
  institution: string;
  department: string;
  code: string;
  nameZh: string;
  nameEn: string;
  isReferralWard: boolean;
  beds: number;
}

export const WARDS: SeedWard[] = [
  { institution: 'PUMCH', department: 'NEURO', code: 'NEURO-DEMO', nameZh: '“协和-沧州”神经内科示范转诊病房', nameEn: 'PUMCH–Cangzhou Neurology Demonstration Referral Ward', isReferralWard: true, beds: 12 },
  { institution: 'PUMCH', department: 'NEURO', code: 'NEURO-A', nameZh: '神经内科一病区', nameEn: 'Neurology Ward A', isReferralWard: false, beds: 30 },
  { institution: 'PUMCH', department: 'ICU', code: 'ICU-1', nameZh: '重症医学科病区', nameEn: 'Critical Care Unit', isReferralWard: false, beds: 16 },
  { institution: 'CZCH', department: 'NEURO', code: 'NEURO-1', nameZh: '神经内科病区', nameEn: 'Neurology Ward', isReferralWard: false, beds: 40 },
  { institution: 'QHPPH', department: 'NEURO', code: 'NEURO-1', nameZh: '神经内科病区', nameEn: 'Neurology Ward', isReferralWard: true, beds: 20 },
  { institution: 'HNZPH', department: 'MED', code: 'MED-1', nameZh: '内科病区', nameEn: 'Medical Ward', isReferralWard: false, beds: 30 },
  { institution: 'GHCH', department: 'MED', code: 'MED-1', nameZh: '内科病区', nameEn: 'Medical Ward', isReferralWard: false, beds: 24 },
  { institution: 'CIP', department: 'PEDS', code: 'PEDS-1', nameZh: '儿内科病区', nameEn: 'Pediatric Ward', isReferralWard: true, beds: 20 },
  { institution: 'LFMCH', department: 'PEDS', code: 'PEDS-1', nameZh: '儿科病区', nameEn: 'Pediatric Ward', isReferralWard: false, beds: 30 },
  { institution: 'SWMUAH', department: 'NEURO', code: 'NEURO-1', nameZh: '神经内科病区', nameEn: 'Neurology Ward', isReferralWard: true, beds: 24 },
];

export interface SeedUser {
  username: string;
  displayName: string;
  roles: { institution: string; role: Role }[];
  /** A practitioner record linked to the account. */
  practitioner?: { institution: string; department?: string; nameEn: string; title: PractitionerTitle; specialties: string[] };
}

const doc = (institution: string, department: string | undefined, nameEn: string, title: PractitionerTitle, specialties: string[]) => ({ institution, ...(department ? { department } : {}), nameEn, title, specialties });

export const USERS: SeedUser[] = [
  { username: 'admin', displayName: '郑国平', roles: [{ institution: 'NHC', role: 'admin' }] },
  { username: 'auditor', displayName: '宋雅琴', roles: [{ institution: 'NHC', role: 'auditor' }] },
  { username: 'nhc.manager', displayName: '冯晓岚', roles: [{ institution: 'NHC', role: 'leader' }] },
  { username: 'hebei.manager', displayName: '韩立新', roles: [{ institution: 'HE-HC', role: 'leader' }] },
  { username: 'qinghai.manager', displayName: '马文清', roles: [{ institution: 'QH-HC', role: 'leader' }] },

  { username: 'pumch.coord', displayName: '林书瑶', roles: [{ institution: 'PUMCH', role: 'coordinator' }] },
  { username: 'pumch.neuro', displayName: '程家明', roles: [{ institution: 'PUMCH', role: 'expert' }], practitioner: doc('PUMCH', 'NEURO', 'Cheng Jiaming', 'chief', ['neurology', 'stroke', 'rare_disease']) },
  { username: 'pumch.cardio', displayName: '许慧芳', roles: [{ institution: 'PUMCH', role: 'expert' }], practitioner: doc('PUMCH', 'CARDIO', 'Xu Huifang', 'chief', ['cardiology', 'heart_failure']) },
  { username: 'pumch.rheum', displayName: '罗振宇', roles: [{ institution: 'PUMCH', role: 'expert' }], practitioner: doc('PUMCH', 'RHEUM', 'Luo Zhenyu', 'associate_chief', ['rheumatology', 'rare_disease']) },
  { username: 'pumch.leader', displayName: '何立群', roles: [{ institution: 'PUMCH', role: 'leader' }] },
  { username: 'pumch.admin', displayName: '唐思远', roles: [{ institution: 'PUMCH', role: 'admin' }] },

  { username: 'cangzhou.doc', displayName: '贾文博', roles: [{ institution: 'CZCH', role: 'clinician' }], practitioner: doc('CZCH', 'NEURO', 'Jia Wenbo', 'attending', ['neurology']) },
  { username: 'cangzhou.coord', displayName: '邢佳宁', roles: [{ institution: 'CZCH', role: 'coordinator' }] },
  { username: 'cangzhou.neuro', displayName: '鲁向东', roles: [{ institution: 'CZCH', role: 'expert' }, { institution: 'CZCH', role: 'clinician' }], practitioner: doc('CZCH', 'NEURO', 'Lu Xiangdong', 'associate_chief', ['neurology', 'stroke']) },
  { username: 'cangzhou.admin', displayName: '温海涛', roles: [{ institution: 'CZCH', role: 'admin' }, { institution: 'CZCH', role: 'leader' }] },

  { username: 'qinghai.coord', displayName: '祁永梅', roles: [{ institution: 'QHPPH', role: 'coordinator' }] },
  { username: 'qinghai.expert', displayName: '李长青', roles: [{ institution: 'QHPPH', role: 'expert' }], practitioner: doc('QHPPH', 'NEURO', 'Li Changqing', 'chief', ['neurology', 'internal_medicine']) },
  { username: 'hainan.coord', displayName: '才让卓玛', roles: [{ institution: 'HNZPH', role: 'coordinator' }] },
  { username: 'hainan.expert', displayName: '索南达杰', roles: [{ institution: 'HNZPH', role: 'expert' }], practitioner: doc('HNZPH', 'MED', 'Suonan Dajie', 'associate_chief', ['internal_medicine', 'neurology']) },
  { username: 'gonghe.coord', displayName: '马秀兰', roles: [{ institution: 'GHCH', role: 'coordinator' }] },
  { username: 'gonghe.expert', displayName: '赵永福', roles: [{ institution: 'GHCH', role: 'expert' }, { institution: 'GHCH', role: 'clinician' }], practitioner: doc('GHCH', 'MED', 'Zhao Yongfu', 'attending', ['internal_medicine', 'general_practice']) },
  { username: 'gonghe.doc', displayName: '韩德明', roles: [{ institution: 'GHCH', role: 'clinician' }], practitioner: doc('GHCH', 'MED', 'Han Deming', 'resident', ['internal_medicine']) },
  { username: 'township.doc', displayName: '拉毛措', roles: [{ institution: 'QBQTHC', role: 'clinician' }], practitioner: doc('QBQTHC', 'GP', 'Lamao Cuo', 'attending', ['general_practice']) },
  { username: 'village.doc', displayName: '扎西才让', roles: [{ institution: 'XXKVC', role: 'clinician' }], practitioner: doc('XXKVC', 'GP', 'Zhaxi Cairang', 'resident', ['general_practice']) },

  { username: 'cip.expert', displayName: '方怡然', roles: [{ institution: 'CIP', role: 'expert' }], practitioner: doc('CIP', 'PEDS', 'Fang Yiran', 'chief', ['pediatrics', 'child_health']) },
  { username: 'cip.coord', displayName: '袁晓晨', roles: [{ institution: 'CIP', role: 'coordinator' }] },
  { username: 'langfang.doc', displayName: '牛瑞娟', roles: [{ institution: 'LFMCH', role: 'clinician' }], practitioner: doc('LFMCH', 'PEDS', 'Niu Ruijuan', 'attending', ['pediatrics']) },
  { username: 'langfang.coord', displayName: '孟凡超', roles: [{ institution: 'LFMCH', role: 'coordinator' }] },
  { username: 'pkuph.expert', displayName: '武思齐', roles: [{ institution: 'PKUPH', role: 'expert' }], practitioner: doc('PKUPH', 'CARDIO', 'Wu Siqi', 'chief', ['cardiology']) },
  { username: 'dongying.doc', displayName: '薛明亮', roles: [{ institution: 'DYMCH', role: 'clinician' }, { institution: 'DYPH', role: 'clinician' }], practitioner: doc('DYMCH', 'CREHAB', 'Xue Mingliang', 'attending', ['child_rehabilitation']) },
  { username: 'luzhou.expert', displayName: '蒲春燕', roles: [{ institution: 'SWMUAH', role: 'expert' }], practitioner: doc('SWMUAH', 'NEURO', 'Pu Chunyan', 'chief', ['neurology']) },
  { username: 'luxian.doc', displayName: '代光荣', roles: [{ institution: 'LXPH', role: 'clinician' }], practitioner: doc('LXPH', 'MED', 'Dai Guangrong', 'attending', ['internal_medicine']) },
];

/** Practitioners without an account (they appear in the directory and as dispatched experts). */
export const EXTRA_PRACTITIONERS = [
  { institution: 'PUMCH', department: 'ICU', nameZh: '邵瑞华', nameEn: 'Shao Ruihua', title: 'chief' as const, specialties: ['critical_care'] },
  { institution: 'PUMCH', department: 'EMERG', nameZh: '钟卫东', nameEn: 'Zhong Weidong', title: 'associate_chief' as const, specialties: ['emergency'] },
  { institution: 'PUMCH', department: 'GERI', nameZh: '顾婉清', nameEn: 'Gu Wanqing', title: 'chief' as const, specialties: ['geriatrics'] },
  { institution: 'PUMCH', department: 'NEURO', nameZh: '石明哲', nameEn: 'Shi Mingzhe', title: 'attending' as const, specialties: ['neurology', 'epilepsy'] },
  { institution: 'PUMCH', department: 'RADIO', nameZh: '秦朗', nameEn: 'Qin Lang', title: 'associate_chief' as const, specialties: ['radiology', 'neuroimaging'] },
  { institution: 'CZCH', department: 'CARDIO', nameZh: '常晓峰', nameEn: 'Chang Xiaofeng', title: 'attending' as const, specialties: ['cardiology'] },
  { institution: 'CZCH', department: 'ICU', nameZh: '白露', nameEn: 'Bai Lu', title: 'attending' as const, specialties: ['critical_care'] },
  { institution: 'QHPPH', department: 'CARDIO', nameZh: '逯建华', nameEn: 'Lu Jianhua', title: 'associate_chief' as const, specialties: ['cardiology', 'high_altitude_medicine'] },
  { institution: 'CIP', department: 'NICU', nameZh: '夏知秋', nameEn: 'Xia Zhiqiu', title: 'associate_chief' as const, specialties: ['neonatology'] },
];

export interface SeedAgreement {
  code: string;
  titleZh: string;
  titleEn: string;
  kind: 'paired_assistance' | 'guided_building' | 'technical_cooperation' | 'trusteeship' | 'medical_alliance' | 'specialty_alliance' | 'integration';
  signedOn: string;
  startsOn: string;
  endsOn: string;
  parties: { institution: string; role: 'assisting' | 'assisted' | 'supervising' }[];
}

export const AGREEMENTS: SeedAgreement[] = [
  { code: 'PUMCH-CZCH-2024', titleZh: '北京协和医院与沧州市中心医院指导共建（框架）协议', titleEn: 'PUMCH – Cangzhou Central Hospital guided co-building framework agreement', kind: 'guided_building', signedOn: '2024-10-02', startsOn: '2024-10-02', endsOn: '2027-10-01', parties: [{ institution: 'PUMCH', role: 'assisting' }, { institution: 'CZCH', role: 'assisted' }, { institution: 'CZ-HC', role: 'supervising' }] },
  { code: 'CIP-LFMCH-2022', titleZh: '首都儿科研究所附属儿童医院与廊坊市妇幼保健院技术合作协议', titleEn: 'Capital Institute of Pediatrics – Langfang MCH technical cooperation agreement', kind: 'technical_cooperation', signedOn: '2022-08-20', startsOn: '2022-09-01', endsOn: '2027-08-31', parties: [{ institution: 'CIP', role: 'assisting' }, { institution: 'LFMCH', role: 'assisted' }, { institution: 'LF-HC', role: 'supervising' }] },
  { code: 'BJ-QH-PUMCH-QHPPH', titleZh: '北京市属医院对口帮扶青海省人民医院协议', titleEn: 'Beijing – Qinghai paired assistance: PUMCH and Qinghai Provincial People’s Hospital', kind: 'paired_assistance', signedOn: '2024-12-14', startsOn: '2025-01-01', endsOn: '2027-12-31', parties: [{ institution: 'PUMCH', role: 'assisting' }, { institution: 'QHPPH', role: 'assisted' }, { institution: 'QH-HC', role: 'supervising' }] },
  { code: 'QH-HN-ALLIANCE', titleZh: '青海省人民医院—海南州远程医疗医联体协议', titleEn: 'Qinghai Provincial – Hainan Prefecture telemedicine medical alliance', kind: 'medical_alliance', signedOn: '2025-03-01', startsOn: '2025-03-01', endsOn: '2028-02-29', parties: [{ institution: 'QHPPH', role: 'assisting' }, { institution: 'HNZPH', role: 'assisted' }, { institution: 'GHCH', role: 'assisted' }, { institution: 'QBQTHC', role: 'assisted' }, { institution: 'XXKVC', role: 'assisted' }, { institution: 'HN-HC', role: 'supervising' }] },
  { code: 'SC-LZ-REGIONAL', titleZh: '共建区域医药健康中心战略合作协议（西南医大附院医联体）', titleEn: 'Luzhou regional medical centre co-building: Southwest Medical University hospital alliance', kind: 'medical_alliance', signedOn: '2025-05-18', startsOn: '2025-06-01', endsOn: '2028-05-31', parties: [{ institution: 'SWMUAH', role: 'assisting' }, { institution: 'LXPH', role: 'assisted' }, { institution: 'YSTHC', role: 'assisted' }, { institution: 'SC-HC', role: 'supervising' }] },
  { code: 'DY-INTEGRATION', titleZh: '东营市妇幼保健院与东营市人民医院一体化融合发展协议', titleEn: 'Dongying MCH and Dongying People’s Hospital integration agreement', kind: 'integration', signedOn: '2023-01-01', startsOn: '2023-01-01', endsOn: '2027-12-31', parties: [{ institution: 'DYPH', role: 'assisting' }, { institution: 'DYMCH', role: 'assisted' }, { institution: 'DY-HC', role: 'supervising' }] },
];

export const DEMO_PASSWORD = 'Yilian@2026';
