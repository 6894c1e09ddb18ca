/** The signed-in frame: a menu of what the user may use, the user's name and agency, 退出. */
import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  LogoutOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
  VideoCameraOutlined,
  ApartmentOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, Result, Space, Typography, type MenuProps } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, ApiError } from '../api.ts';
import { SessionProvider, useSessionQuery, useStoreSession } from '../session.tsx';
import type { Capability, Me } from '../types.ts';
import { useFailure, useToast } from './feedback.ts';
import { PageLoading } from './PageLoading.tsx';

interface Entry {
  key: string;
  label: string;
  icon: ReactNode;
  /** Shown only when the API grants this capability; entries without one are for all staff. */
  needs?: Capability;
}

const entries: Entry[] = [
  { key: '', label: ui.menu.dashboard, icon: <DashboardOutlined /> },
  { key: 'regions', label: ui.menu.regions, icon: <ApartmentOutlined />, needs: 'manageRegions' },
  { key: 'agencies', label: ui.menu.agencies, icon: <BankOutlined /> },
  { key: 'people', label: ui.menu.people, icon: <TeamOutlined /> },
  { key: 'cases', label: ui.menu.cases, icon: <FileSearchOutlined />, needs: 'readCases' },
  { key: 'devices', label: ui.menu.devices, icon: <VideoCameraOutlined />, needs: 'readCases' },
  { key: 'users', label: ui.menu.users, icon: <UserOutlined />, needs: 'manageUsers' },
  { key: 'calendar', label: ui.menu.calendar, icon: <CalendarOutlined /> },
  { key: 'exchange', label: ui.menu.exchange, icon: <SwapOutlined />, needs: 'importExport' },
  { key: 'audit', label: ui.menu.audit, icon: <AuditOutlined />, needs: 'readAudit' },
];

function menuItems(me: Me): MenuProps['items'] {
  return entries
    .filter((e) => !e.needs || me.can[e.needs])
    .map((e) => ({
      key: e.key,
      icon: e.icon,
      label: (
        <Link to={`/${e.key}`} data-testid={`menu-${e.key || 'dashboard'}`}>
          {e.label}
        </Link>
      ),
    }));
}

function UserBox({ me }: { me: Me }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  const failure = useFailure();
  const storeSession = useStoreSession();
  const logout = useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSuccess: () => {
      client.clear();
      storeSession(null);
      toast.success(ui.layout.loggedOut);
      void navigate('/login', { replace: true });
    },
    onError: (error) => failure(error),
  });
  return (
    <Space size="middle">
      <Link to="/account" title={ui.layout.account} data-testid="current-user">
        <UserOutlined /> {me.user.displayName}
      </Link>
      <Typography.Text type="secondary" data-testid="current-agency">
        {me.user.agencyName ?? ui.layout.noAgency}
      </Typography.Text>
      <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()} data-testid="logout">
        {ui.layout.logout}
      </Button>
    </Space>
  );
}

export default function AppLayout() {
  const session = useSessionQuery();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (session.error && !session.data) {
    const unauthenticated = session.error instanceof ApiError && session.error.status === 401;
    if (!unauthenticated) {
      return (
        <Result
          status="error"
          title={ui.app.loadFailed}
          subTitle={session.error.message}
          extra={<Button onClick={() => void session.refetch()}>{ui.app.retry}</Button>}
        />
      );
    }
  }
  if (session.data === null) return <Navigate to="/login" replace />;
  if (!session.data) return <PageLoading />;
  const me = session.data;
  const selected = pathname.split('/')[1] ?? '';
  return (
    <SessionProvider value={me}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark">
          <div style={{ color: '#fff', fontSize: 16, fontWeight: 600, padding: '18px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {ui.app.title}
          </div>
          <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={menuItems(me)} onClick={({ key }) => void navigate(`/${key}`)} aria-label={ui.app.title} />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #eef0f3' }}
          >
            <UserBox me={me} />
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionProvider>
  );
}
