import { ApartmentOutlined, EditOutlined, PlusOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentSession } from '../../app/session';
import { PageState } from '../../ui/page-state';
import { InstitutionDirectory } from '../network/institution.page';
import { InstitutionSelect } from '../network/institution-select';
import { useInstitution } from '../network/network.resource';
import { DepartmentFormModal, PractitionerFormModal, WardFormModal } from './directory.forms';
import { InstitutionFormModal } from './institution.form';

type Dialog = 'edit' | 'child' | 'department' | 'ward' | 'practitioner' | null;

/** Pick an institution in the admin's scope, edit it, add a subordinate institution, departments, wards, practitioners. */
export function InstitutionAdmin() {
  const { t } = useTranslation('admin');
  const session = useCurrentSession();
  const [institutionId, setInstitutionId] = useState(session.activeInstitutionId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useInstitution(institutionId);
  const inst = query.data;
  const close = () => setDialog(null);

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="yl-toolbar" style={{ marginBottom: 0 }}>
          <span className="yl-field-label">{t('institution.pick')}</span>
          <InstitutionSelect aria-label={t('institution.pick')} value={institutionId} onChange={setInstitutionId} style={{ width: 340 }} />
          <Space wrap>
            <Button icon={<EditOutlined />} disabled={!inst} onClick={() => setDialog('edit')}>
              {t('institution.edit')}
            </Button>
            <Button icon={<ApartmentOutlined />} disabled={!inst} onClick={() => setDialog('child')}>
              {t('institution.addChild')}
            </Button>
            <Button icon={<PlusOutlined />} disabled={!inst} onClick={() => setDialog('department')}>
              {t('department.add')}
            </Button>
            <Button icon={<TeamOutlined />} disabled={!inst?.departments.length} onClick={() => setDialog('ward')}>
              {t('ward.add')}
            </Button>
            <Button type="primary" icon={<UserAddOutlined />} disabled={!inst} onClick={() => setDialog('practitioner')}>
              {t('practitioner.add')}
            </Button>
          </Space>
          {inst && (
            <Link to={`/network/${inst.id}`} className="yl-toolbar-link">
              {t('institution.openInNetwork')}
            </Link>
          )}
        </div>
      </Card>
      <PageState query={query} rows={8}>
        {(data) => <InstitutionDirectory inst={data} />}
      </PageState>
      {inst && (
        <>
          <InstitutionFormModal open={dialog === 'edit'} onClose={close} institution={inst} />
          <InstitutionFormModal open={dialog === 'child'} onClose={close} parentId={inst.id} onSaved={(created) => setInstitutionId(created.id)} />
          <DepartmentFormModal open={dialog === 'department'} onClose={close} institution={inst} />
          <WardFormModal open={dialog === 'ward'} onClose={close} institution={inst} />
          <PractitionerFormModal open={dialog === 'practitioner'} onClose={close} institution={inst} />
        </>
      )}
    </>
  );
}
