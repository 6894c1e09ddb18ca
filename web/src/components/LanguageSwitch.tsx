/** "English" / "中文": switches the staff app (and the portal, which reads the same cookie). */
import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { ui } from '../../../src/i18n/ui.ts';
import { language, switchLanguage } from '../language.ts';

export function LanguageSwitch({ iconOnly = false }: { iconOnly?: boolean }) {
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={switchLanguage}
      lang={language === 'zh' ? 'en' : 'zh-CN'}
      title={ui.layout.switchLanguage}
      aria-label={ui.layout.switchLanguage}
      data-testid="language-switch"
    >
      {iconOnly ? null : ui.layout.switchLanguage}
    </Button>
  );
}
