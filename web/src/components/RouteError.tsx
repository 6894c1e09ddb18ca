import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { ApiError } from '../api.ts';

/** A page that failed to render or load (for example a chunk that could not be fetched). */
export function RouteError() {
  const error = useRouteError();
  const detail = error instanceof ApiError || error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : String(error);
  return (
    <Result
      status="error"
      title={ui.app.loadFailed}
      subTitle={detail}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {ui.app.retry}
        </Button>
      }
    />
  );
}
