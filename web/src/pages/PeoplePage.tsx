/** 执法人员: officers in the user's scope, filtered by agency, certificate status and reviewer flag. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { Link } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { PeopleTable } from '../components/PeopleTable.tsx';
import { useCan } from '../session.tsx';

export default function PeoplePage() {
  const canManage = useCan('managePeople');
  return (
    <>
      <PageHeader
        title={ui.people.title}
        extra={
          canManage && (
            <Link to="/people/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="person-create">
                {ui.people.create}
              </Button>
            </Link>
          )
        }
      />
      <Card>
        <PeopleTable />
      </Card>
    </>
  );
}
