import { Spin } from 'antd';
import { ui } from '../../../src/i18n/ui.ts';

/** Shown while a page's chunk or data loads. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin description={ui.app.loading}>
        <div style={{ width: 120, height: 40 }} />
      </Spin>
    </div>
  );
}
