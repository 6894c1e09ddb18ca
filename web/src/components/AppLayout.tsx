/**
 * The signed-in frame: a menu of what the user may use, the user's name and agency, the language
 * switch, 退出. Under 768 px (antd's md) the menu moves into a drawer behind a burger button and
 * the header keeps to one compact line.
 */
import {
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  LogoutOutlined,
  MenuOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
  VideoCameraOutlined,
  ApartmentOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Grid, Layout, Menu, Result, Space, Typography, type MenuProps } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, ApiError, unwrap } from '../api.ts';
import { SessionProvider, useSessionQuery, useStoreSession } from '../session.tsx';
import type { Capability, Me } from '../types.ts';
import { useFailure, useToast } from './feedback.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
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
  { key: 'laws', label: ui.menu.laws, icon: <BookOutlined />, needs: 'readLaws' },
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

/** On a phone: the name only (cut short if need be), and icon-only buttons. */
function UserBox({ me, compact }: { me: Me; compact: boolean }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  const failure = useFailure();
  const storeSession = useStoreSession();
  const logout = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSuccess: () => {
      client.clear();
      storeSession(null);
      toast.success(ui.layout.loggedOut);
      void navigate('/login', { replace: true });
    },
    onError: (error) => failure(error),
  });
  return (
    <Space size={compact ? 4 : 'middle'} style={{ minWidth: 0 }}>
      <Link
        to="/account"
        title={ui.layout.account}
        data-testid="current-user"
        style={{ display: 'inline-block', maxWidth: compact ? 120 : undefined, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'middle' }}
      >
        <UserOutlined /> {me.user.displayName}
      </Link>
      {!compact && (
        <Typography.Text type="secondary" data-testid="current-agency">
          {me.user.agencyName ?? ui.layout.noAgency}
        </Typography.Text>
      )}
      <LanguageSwitch iconOnly={compact} />
      <Button
        icon={<LogoutOutlined />}
        type={compact ? 'text' : 'default'}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        title={ui.layout.logout}
        aria-label={ui.layout.logout}
        data-testid="logout"
      >
        {compact ? null : ui.layout.logout}
      </Button>
    </Space>
  );
}

export default function AppLayout() {
  const session = useSessionQuery();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
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
  // Before the first measurement `md` is undefined: start wide, as most staff use a desktop.
  const phone = screens.md === false;
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={menuItems(me)}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(`/${key}`);
      }}
      aria-label={ui.app.title}
    />
  );
  const title = (
    <div style={{ color: '#fff', fontSize: 16, fontWeight: 600, padding: '18px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>{ui.app.title}</div>
  );
  return (
    <SessionProvider value={me}>
      <Layout style={{ minHeight: '100vh' }}>
        {!phone && (
          <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark">
            {title}
            {menu}
          </Layout.Sider>
        )}
        {phone && (
          <Drawer
            placement="left"
            size={240}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            closable={false}
            styles={{ body: { padding: 0, background: '#001529' } }}
            data-testid="menu-drawer"
          >
            {title}
            {menu}
          </Drawer>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Layout.Header
            style={{
              background: '#fff',
              padding: phone ? '0 8px' : '0 24px',
              height: phone ? 48 : 64,
              lineHeight: phone ? '48px' : '64px',
              display: 'flex',
              justifyContent: phone ? 'space-between' : 'flex-end',
              alignItems: 'center',
              gap: 8,
              borderBottom: '1px solid #eef0f3',
            }}
            data-testid="app-header"
          >
            {phone && (
              <Space size={4} style={{ minWidth: 0 }}>
                <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={ui.layout.menu} data-testid="menu-open" />
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {ui.app.shortTitle}
                </Typography.Text>
              </Space>
            )}
            <UserBox me={me} compact={phone} />
          </Layout.Header>
          <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionProvider>
  );
}
