import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkRead, useNotifications, useUnreadCount } from './notifications.resource';

/** The header bell: unread count, the latest notifications; a click marks one read and opens its link. */
export function NotificationBell() {
  const { t, i18n } = useTranslation('notifications');
  const en = i18n.language === 'en';
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(open);
  const mark = useMarkRead();
  const navigate = useNavigate();
  const count = unread.data?.unread ?? 0;
  const content = (
    <div style={{ width: 340 }}>
      {(list.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <List
          size="small"
          aria-label={t('title')}
          dataSource={list.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
              onClick={() => {
                void mark.mutateAsync(n.id);
                setOpen(false);
                if (n.link) navigate(n.link);
              }}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{en ? n.titleEn : n.titleZh}</Typography.Text>}
                description={
                  <>
                    <div>{en ? n.bodyEn : n.bodyZh}</div>
                    <div className="yl-muted">{dayjs(n.createdAt).format('MM-DD HH:mm')}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {count > 0 && (
        <Button type="link" size="small" onClick={() => void mark.mutateAsync('all')}>
          {t('markAll')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} content={content} placement="bottomRight" title={t('title')}>
      <Badge count={count} size="small" data-testid="notification-count">
        <Button type="text" icon={<BellOutlined />} aria-label={`${t('bell')}${count ? ` (${t('unread', { count })})` : ''}`} />
      </Badge>
    </Popover>
  );
}
