import { Input, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TierTag, useLocalName } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { buildForest, type InstitutionNode, useInstitutionTree } from './network.resource';

/** The institution network by parent, filterable by name; a click opens the institution. */
export function NetworkTree() {
  const { t } = useTranslation('network');
  const query = useInstitutionTree();
  const name = useLocalName();
  const navigate = useNavigate();
  const [filter, setFilter] = useState('');
  // null = everything expanded (the default, and again after each filter change)
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const { treeData, keys } = useMemo(() => {
    const forest = buildForest(query.data ?? []);
    const needle = filter.trim().toLowerCase();
    const matches = (n: InstitutionNode) =>
      !needle || [n.nameZh, n.nameEn, n.shortNameZh ?? '', n.code].some((s) => s.toLowerCase().includes(needle));
    const allKeys: string[] = [];
    const toNode = (n: InstitutionNode): TreeDataNode | null => {
      const children = n.children.map(toNode).filter((c): c is TreeDataNode => c !== null);
      if (!matches(n) && children.length === 0) return null;
      allKeys.push(n.id);
      return {
        key: n.id,
        title: (
          <span className="yl-tree-node">
            <TierTag tier={n.tier} />
            <span className={n.type === 'authority' ? 'yl-muted-strong' : undefined}>{name(n)}</span>
          </span>
        ),
        children,
      };
    };
    return { treeData: forest.map(toNode).filter((c): c is TreeDataNode => c !== null), keys: allKeys };
  }, [query.data, filter, name]);

  return (
    <>
      <Input.Search allowClear size="small" placeholder={t('tree.filter')} aria-label={t('tree.filter')} onChange={(e) => {
          setFilter(e.target.value);
          setExpanded(null);
        }} style={{ marginBottom: 8 }} />
      <PageState query={query} isEmpty={(d) => d.length === 0}>
        {() => (
          <Tree
            aria-label={t('tree.title')}
            treeData={treeData}
            expandedKeys={expanded ?? keys}
            onExpand={(next) => setExpanded(next.map(String))}
            blockNode
            showLine
            selectable
            onSelect={(selected) => {
              const id = selected[0];
              if (typeof id === 'string') void navigate(`/network/${id}`);
            }}
            virtual={false}
          />
        )}
      </PageState>
    </>
  );
}
