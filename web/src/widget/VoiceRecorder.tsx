import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Records from the microphone with MediaRecorder, showing a level meter and a timer; replay before sending. */
export function VoiceRecorder({ onSend }: { onSend: (recording: Blob) => void }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<Blob | null>(null);
  const [active, setActive] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const [level, setLevel] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const stopAll = useRef<() => void>(() => {});

  useEffect(() => () => stopAll.current(), []);

  const start = async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const startedAt = Date.now();
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      setLevel(samples.reduce((peak, v) => Math.max(peak, Math.abs(v - 128)), 0) / 128);
      setSeconds(Math.floor((Date.now() - startedAt) / 1000));
    }, 100);
    const chunks: Blob[] = [];
    const media = new MediaRecorder(stream);
    media.ondataavailable = (event) => chunks.push(event.data);
    media.onstop = () => setRecording(new Blob(chunks, { type: media.mimeType || 'audio/webm' }));
    stopAll.current = () => {
      clearInterval(timer);
      if (media.state !== 'inactive') media.stop();
      stream.getTracks().forEach((track) => track.stop());
      void context.close();
    };
    recorder.current = media;
    media.start(250);
    setRecording(null);
    setActive(true);
  };

  const stop = () => {
    stopAll.current();
    setActive(false);
  };

  return (
    <div className="recorder">
      {!active && !recording && (
        <button type="button" data-testid="voice-record" onClick={() => void start()}>
          {t('widget.record')}
        </button>
      )}
      {active && (
        <>
          <meter data-testid="voice-level" min={0} max={1} value={level} aria-label={t('widget.level')} />
          <span className="timer" data-testid="voice-timer">
            {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}
          </span>
          <button type="button" data-testid="voice-stop" onClick={stop}>
            {t('widget.stop')}
          </button>
        </>
      )}
      {recording && (
        <>
          <label>
            {t('widget.replay')}
            <audio controls src={URL.createObjectURL(recording)} data-testid="voice-replay" />
          </label>
          <button type="button" onClick={() => void start()}>
            {t('widget.again')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="voice-upload"
            onClick={() => onSend(recording)}
          >
            {t('widget.upload')}
          </button>
        </>
      )}
    </div>
  );
}
