import type { BedState } from '@yilian/contracts';
import { Card, Col, Row, Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { useWardBoard } from './referrals.resource';

const COLORS: Record<BedState, string> = { free: '#f6ffed', held: '#fff7e6', occupied: '#fff1f0', out_of_service: '#f5f5f5' };
const BORDERS: Record<BedState, string> = { free: '#b7eb8f', held: '#ffd591', occupied: '#ffa39e', out_of_service: '#d9d9d9' };

/** The receiving side's ward board: every bed free, held for a referral (until when) or occupied. */
export function WardBoardPage() {
  const { t } = useTranslation('referrals');
  const name = useLocalName();
  const query = useWardBoard();
  return (
    <>
      <PageHeader title={t('ward.title')} subtitle={t('ward.subtitle')} />
      <PageState query={query} isEmpty={(d) => d.length === 0} empty={<div className="yl-muted">{t('ward.empty')}</div>}>
        {(wards) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {wards.map((w) => (
              <Card
                key={w.id}
                size="small"
                data-testid={`ward-${w.code}`}
                title={
                  <Space wrap>
                    {name(w)}
                    {w.isReferralWard && <Tag color="green">{t('ward.referralWard')}</Tag>}
                  </Space>
                }
                extra={
                  <Space size={4}>
                    {(['free', 'held', 'occupied', 'out_of_service'] as const).map((s) => (
                      <Tag key={s} data-testid={`count-${s}`}>{`${t(`ward.${s}`)} ${w.counts[s]}`}</Tag>
                    ))}
                  </Space>
                }
              >
                <Row gutter={[6, 6]}>
                  {w.beds.map((b) => {
                    const cell = (
                      <div style={{ background: COLORS[b.state], border: `1px solid ${BORDERS[b.state]}`, borderRadius: 4, padding: '4px 6px', fontSize: 12 }} data-state={b.state}>
                        <div>{b.code}</div>
                        <div className="yl-muted">{t(`ward.${b.state}`)}</div>
                      </div>
                    );
                    return (
                      <Col key={b.id} xs={8} sm={6} md={4} lg={3}>
                        <Tooltip title={b.expiresAt ? t('detail.heldUntil', { time: dayjs(b.expiresAt).format('MM-DD HH:mm') }) : undefined}>
                          {b.referralId ? <Link to={`/referrals/${b.referralId}`}>{cell}</Link> : cell}
                        </Tooltip>
                      </Col>
                    );
                  })}
                </Row>
              </Card>
            ))}
          </Space>
        )}
      </PageState>
    </>
  );
}
