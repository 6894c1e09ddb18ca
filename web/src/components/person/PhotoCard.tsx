/** The officer's photo (GET /api/people/:id/photo) and its upload (PUT, multipart field "photo"). */
import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';
import { upload } from '../../api.ts';
import type { Person } from '../../types.ts';
import { useFailure, useToast } from '../feedback.ts';

/** src/organisation/people/set-person-photo.ts: JPEG or PNG, at most 5 MiB. */
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png'];

export function PhotoCard({ person }: { person: Person }) {
  const [version, setVersion] = useState(0);
  const [uploading, setUploading] = useState(false);
  const client = useQueryClient();
  const failure = useFailure();
  const toast = useToast();
  const canUpload = person.allowedActions.includes('setPhoto');
  return (
    <Card size="small" title={ui.people.photo}>
      <Flex vertical align="center" gap={12}>
        {person.hasPhoto ? (
          <img
            key={version}
            src={`/api/people/${person.id}/photo${version ? `?v=${version}` : ''}`}
            alt={`${ui.people.photo}：${person.name}`}
            width={150}
            height={200}
            style={{ objectFit: 'cover', border: '1px solid #eee' }}
            data-testid="person-photo"
          />
        ) : (
          <Flex vertical align="center" justify="center" style={{ width: 150, height: 200, background: '#f0f0f0', color: '#999' }} data-testid="person-no-photo">
            <UserOutlined style={{ fontSize: 48 }} />
            <span>{ui.people.noPhoto}</span>
          </Flex>
        )}
        {canUpload && (
          <>
            <Upload
              accept={TYPES.join(',')}
              showUploadList={false}
              beforeUpload={(file) => {
                if (!TYPES.includes(file.type) || file.size > MAX_BYTES) {
                  failure(new Error(ui.people.photoHelp));
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
              customRequest={async ({ file, onSuccess, onError }) => {
                const form = new FormData();
                form.append('photo', file as Blob);
                setUploading(true);
                try {
                  const updated = await upload<Person>('PUT', `/api/people/${person.id}/photo`, form);
                  onSuccess?.(updated);
                  client.setQueryData(['person', person.id], updated);
                  setVersion((v) => v + 1);
                  toast.success(ui.people.photoUploaded);
                } catch (error) {
                  onError?.(error as Error);
                  failure(error);
                } finally {
                  setUploading(false);
                }
              }}
              data-testid="photo-upload"
              aria-label={ui.people.uploadPhoto}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                {ui.people.uploadPhoto}
              </Button>
            </Upload>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ui.people.photoHelp}
            </Typography.Text>
          </>
        )}
      </Flex>
    </Card>
  );
}
