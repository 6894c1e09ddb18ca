import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';

export default function NotFoundPage() {
  return (
    <Result
      status="404"
      title="404"
      subTitle={ui.app.notFound}
      extra={
        <Link to="/">
          <Button type="primary">{ui.app.backHome}</Button>
        </Link>
      }
    />
  );
}
