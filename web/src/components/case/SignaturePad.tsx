/**
 * The party's signature on a document (R4): drawn with mouse, pen or finger on a canvas and sent
 * as a PNG data URL — or, when the party refuses, the refusal and what happened, which the
 * document then records instead.
 */
import { Button, Checkbox, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { ui } from '../../../../src/i18n/ui.ts';

const c = ui.cases;

export type SignatureValue = { imageDataUrl: string } | { refusalReason: string } | null;

const WIDTH = 480;
const HEIGHT = 160;

export function SignaturePad({ value, onChange, testId }: { value: SignatureValue; onChange: (v: SignatureValue) => void; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [refused, setRefused] = useState(value !== null && 'refusalReason' in value);
  const [reason, setReason] = useState(value !== null && 'refusalReason' in value ? value.refusalReason : '');

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
  }, [refused]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - box.left) * WIDTH) / box.width, y: ((e.clientY - box.top) * HEIGHT) / box.height };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d')!;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const { x, y } = point(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d')!;
    const { x, y } = point(e);
    ctx.lineTo(x, y);
    ctx.stroke();
  };
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange({ imageDataUrl: e.currentTarget.toDataURL('image/png') });
  };
  const clear = () => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, WIDTH, HEIGHT);
    }
    onChange(null);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Checkbox
        checked={refused}
        onChange={(e) => {
          setRefused(e.target.checked);
          onChange(e.target.checked ? (reason.trim().length >= 2 ? { refusalReason: reason.trim() } : null) : null);
        }}
        data-testid={`${testId}-refuse`}
      >
        {c.refuseToSign}
      </Checkbox>
      {refused ? (
        <Input.TextArea
          placeholder={c.refusalReason}
          value={reason}
          maxLength={500}
          autoSize={{ minRows: 2 }}
          onChange={(e) => {
            setReason(e.target.value);
            onChange(e.target.value.trim().length >= 2 ? { refusalReason: e.target.value.trim() } : null);
          }}
          data-testid={`${testId}-reason`}
        />
      ) : (
        <>
          <Typography.Text type="secondary">{c.signHere}</Typography.Text>
          <canvas
            ref={canvas}
            width={WIDTH}
            height={HEIGHT}
            style={{ width: '100%', maxWidth: WIDTH, aspectRatio: `${WIDTH} / ${HEIGHT}`, border: '1px dashed #bbb', borderRadius: 6, touchAction: 'none', cursor: 'crosshair', background: '#fff' }}
            onPointerDown={down}
            onPointerMove={move}
            onPointerUp={up}
            onPointerCancel={up}
            data-testid={`${testId}-canvas`}
          />
          <Space>
            <Button size="small" onClick={clear} data-testid={`${testId}-clear`}>
              {c.clearSignature}
            </Button>
            {value && 'imageDataUrl' in value && <Typography.Text type="success">{c.signed}</Typography.Text>}
          </Space>
        </>
      )}
    </Space>
  );
}
