import type { InstitutionDto } from '@yilian/contracts';
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../ui/labels';
import { useInstitutionTree } from './network.resource';

/**
 * A searchable picker over the institution network (name, short name or code), for forms and filters.
 * `filter` limits the choices (e.g. hospitals only).
 */
export function InstitutionSelect({
  filter,
  ...props
}: Omit<SelectProps<string>, 'options' | 'showSearch'> & { filter?: (i: InstitutionDto) => boolean }) {
  const { t } = useTranslation('common');
  const tree = useInstitutionTree();
  const name = useLocalName();
  const options = useMemo(
    () =>
      (tree.data ?? [])
        .filter((i) => i.active && (!filter || filter(i)))
        .map((i) => ({ value: i.id, label: name(i), search: `${i.nameZh} ${i.nameEn} ${i.shortNameZh ?? ''} ${i.code}`.toLowerCase(), tier: t(`tier.${i.tier}`) })),
    [tree.data, filter, name, t],
  );
  return (
    <Select<string>
      showSearch={{ filterOption: (input, option) => !!option && option.search.includes(input.trim().toLowerCase()) }}
      loading={tree.isLoading}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label} <span className="yl-muted">{o.data.tier}</span>
        </span>
      )}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
