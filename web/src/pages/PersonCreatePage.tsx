/** 登记执法人员: the new officer's agency (from ?agencyId= or the user's own), then the officer form. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ui } from '../../../src/i18n/ui.ts';
import { api, unwrap } from '../api.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { useFailure, useToast } from '../components/feedback.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { PersonForm, personBody, type PersonValues } from '../components/person/PersonForm.tsx';
import { useMe } from '../session.tsx';

export default function PersonCreatePage() {
  const me = useMe();
  const [params] = useSearchParams();
  const [agencyId, setAgencyId] = useState<string | undefined>(params.get('agencyId') ?? me.user.agencyId ?? undefined);
  const [form] = Form.useForm<PersonValues>();
  const failure = useFailure();
  const toast = useToast();
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (values: PersonValues) => unwrap(api.POST('/api/agencies/{id}/people', { params: { path: { id: agencyId! } }, body: personBody(values, 'create') })),
    onSuccess: (person) => {
      toast.success(ui.common.created);
      void client.invalidateQueries({ queryKey: ['people'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      void navigate(`/people/${person.id}`);
    },
    onError: (error) => failure(error, form),
  });
  return (
    <>
      <PageHeader title={ui.people.createTitle} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space>
          <span>{ui.people.agency}：</span>
          <AgencySelect
            value={agencyId}
            onChange={(id) => {
              setAgencyId(id);
              form.setFieldValue('divisionId', null);
            }}
            style={{ width: 360 }}
            data-testid="person-agency"
          />
        </Space>
      </Card>
      <PersonForm form={form} mode="create" agencyId={agencyId} onSubmit={(values) => (agencyId ? create.mutate(values) : failure(new Error(ui.people.chooseAgencyFirst)))} />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" size="large" loading={create.isPending} onClick={() => form.submit()} data-testid="person-save">
          {ui.common.save}
        </Button>
        <Button size="large" onClick={() => void navigate(-1)}>
          {ui.common.cancel}
        </Button>
      </Space>
    </>
  );
}
