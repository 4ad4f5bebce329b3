/**
 * Translated labels and tags for the shared enums (tiers, grades, institution types, roles, titles) and
 * the bilingual names the API returns (`nameZh` / `nameEn`).
 */
import type { Grade, InstitutionType, PractitionerTitle, Role, Tier } from '@yilian/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const TIER_COLORS: Record<Tier, string> = {
  national: 'magenta',
  provincial: 'volcano',
  prefecture: 'gold',
  county: 'green',
  township: 'cyan',
  village: 'blue',
};

export function TierTag({ tier }: { tier: Tier }) {
  const { t } = useTranslation('common');
  return <Tag color={TIER_COLORS[tier]}>{t(`tier.${tier}`)}</Tag>;
}

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation('common');
  return <Tag color={role === 'admin' ? 'red' : role === 'auditor' ? 'purple' : role === 'expert' ? 'geekblue' : 'default'}>{t(`role.${role}`)}</Tag>;
}

/** `t` helpers for enum values, e.g. `labels.grade('3A')` → 三级甲等 / Grade III-A. */
export function useEnumLabels() {
  const { t } = useTranslation('common');
  return {
    tier: (v: Tier) => t(`tier.${v}`),
    grade: (v: Grade) => t(`grade.${v}`),
    type: (v: InstitutionType) => t(`institutionType.${v}`),
    role: (v: Role) => t(`role.${v}`),
    title: (v: PractitionerTitle) => t(`title.${v}`),
  };
}

/** Picks the name in the UI language from a `{ nameZh, nameEn }` record. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (r: { nameZh: string; nameEn: string } | null | undefined): string => (r ? (en ? r.nameEn || r.nameZh : r.nameZh || r.nameEn) : '');
}
