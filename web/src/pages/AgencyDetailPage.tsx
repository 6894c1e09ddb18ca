/** An agency, with tabs for its details, divisions, officers, leading groups and counsel (?tab=). */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tabs, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { AgencyInfoTab } from '../components/agency/AgencyInfoTab.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { ConfirmationTag } from '../components/StatusTags.tsx';
import { useCan } from '../session.tsx';

// The other tabs load when opened.
const DivisionsTab = lazy(() => import('../components/agency/DivisionsTab.tsx').then((m) => ({ default: m.DivisionsTab })));
const PeopleTable = lazy(() => import('../components/PeopleTable.tsx').then((m) => ({ default: m.PeopleTable })));
const GroupsTab = lazy(() => import('../components/agency/GroupsTab.tsx').then((m) => ({ default: m.GroupsTab })));
const CounselTab = lazy(() => import('../components/agency/CounselTab.tsx').then((m) => ({ default: m.CounselTab })));
const AvListTab = lazy(() => import('../components/agency/AvListTab.tsx').then((m) => ({ default: m.AvListTab })));

const TABS = ['info', 'divisions', 'people', 'groups', 'counsel', 'avList'] as const;
type TabKey = (typeof TABS)[number];

function PeopleTab({ agencyId }: { agencyId: string }) {
  const canManage = useCan('managePeople');
  return (
    <>
      {canManage && (
        <Link to={`/people/new?agencyId=${agencyId}`}>
          <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} data-testid="agency-person-create">
            {ui.people.create}
          </Button>
        </Link>
      )}
      <PeopleTable agencyId={agencyId} />
    </>
  );
}

export default function AgencyDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((t) => t === params.get('tab')) ?? 'info';
  const { data: agency, error } = useQuery({ queryKey: ['agency', id], queryFn: () => unwrap(api.GET('/api/agencies/{id}', { params: { path: { id } } })) });
  const readCases = useCan('readCases'); // the A/V list belongs to the recording module
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!agency) return <PageLoading />;
  const content: Record<TabKey, React.ReactNode> = {
    info: <AgencyInfoTab agency={agency} />,
    divisions: <DivisionsTab agencyId={agency.id} />,
    people: <PeopleTab agencyId={agency.id} />,
    groups: <GroupsTab agencyId={agency.id} />,
    counsel: <CounselTab agencyId={agency.id} />,
    avList: <AvListTab agencyId={agency.id} />,
  };
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="agency-title">{agency.name}</span>
            <Tag>{ui.labels.agencyKind[agency.kind]}</Tag>
            <ConfirmationTag confirmation={agency.confirmation} />
            {agency.isDemo && <Tag color="cyan">{ui.agencies.demo}</Tag>}
          </Space>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'info' ? {} : { tab: key }, { replace: true })}
          items={TABS.filter((key) => key !== 'avList' || readCases).map((key) => ({
            key,
            label: <span data-testid={`agency-tab-${key}`}>{ui.agencies.tabs[key]}</span>,
            children:
              key === tab ? (
                <Suspense fallback={<PageLoading />}>{content[key]}</Suspense>
              ) : null,
          }))}
        />
      </Card>
    </>
  );
}
