/** 文书 — the documents a case has issued, with their numbers and Word/PDF downloads. */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Space, Table, Tag } from 'antd';
import { ui } from '../../../../src/i18n/ui.ts';
import { formatDateTime } from '../dates.ts';
import type { CaseDocument, Procedure } from './types.ts';

const c = ui.cases;

export function CaseDocuments({ documents, procedure }: { documents: CaseDocument[]; procedure: Procedure | undefined }) {
  return (
    <Table<CaseDocument>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={documents}
      data-testid="case-documents"
      columns={[
        { title: c.docTitle, dataIndex: 'zh' },
        { title: c.docNumber, dataIndex: 'number', render: (n: string | null) => (n ? <span data-testid="document-number">{n}</span> : '—') },
        { title: c.forStep, dataIndex: 'step', render: (s: string) => procedure?.steps.find((x) => x.id === s)?.zh ?? s },
        { title: c.issuedAt, dataIndex: 'issuedAt', render: formatDateTime },
        {
          title: c.signature,
          key: 'signature',
          render: (_, d) => (d.signed ? <Tag color="green">{c.signed}</Tag> : d.refusalReason ? <Tag color="orange">{c.refused(d.refusalReason)}</Tag> : <Tag>{c.notSigned}</Tag>),
        },
        {
          title: c.download,
          key: 'download',
          render: (_, d) => (
            <Space>
              <a href={`/api/documents/${d.id}/docx`} download data-testid="document-docx">
                <FileWordOutlined /> Word
              </a>
              <a href={`/api/documents/${d.id}/pdf`} target="_blank" rel="noreferrer" data-testid="document-pdf">
                <FilePdfOutlined /> PDF
              </a>
            </Space>
          ),
        },
      ]}
    />
  );
}
