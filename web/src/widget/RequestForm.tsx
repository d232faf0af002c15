import type { CreateHelpRequestBody } from '@lifeline/core/protocol/helpRequests.js';
import {
  MAX_TEXT_LENGTH,
  type CategoryName,
  type Channel,
  type MediaKind,
} from '@lifeline/core/protocol/vocabulary.js';
import { useState } from 'react';
import { CategoryOptions } from '../shared/CategoryOptions.js';
import { useTranslation } from 'react-i18next';
import { ArticleSuggestions } from './ArticleSuggestions.js';
import { VideoRecorder } from './VideoRecorder.js';
import { VoiceRecorder } from './VoiceRecorder.js';

/** What the form adds to a request; the widget adds the channel, language and stream. */
export type RequestFields = Pick<CreateHelpRequestBody, 'media' | 'text' | 'category' | 'assistant'>;

/** The form for one channel: call type, what happened, topic, and for text whether the assistant tries first. */
export function RequestForm({
  channel,
  language,
  onSubmit,
}: {
  channel: Channel;
  /** The request's BCP 47 tag, which the article search also reads. */
  language: string;
  onSubmit: (fields: RequestFields, recording?: Blob) => void;
}) {
  const { t } = useTranslation();
  const [media, setMedia] = useState<MediaKind>('video');
  const [text, setText] = useState('');
  const [category, setCategory] = useState<CategoryName | ''>('');
  const [assistant, setAssistant] = useState(true);

  const fields = (): RequestFields => ({
    ...(channel === 'call' ? { media } : {}),
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(category ? { category } : {}),
    // Only a text request is ever held by the assistant; the server ignores the flag otherwise.
    ...(channel === 'text' ? { assistant } : {}),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(fields());
      }}
    >
      {channel === 'call' && (
        <fieldset>
          <legend>{t('widget.media')}</legend>
          {(['video', 'audio'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="media"
                data-testid={`help-media-${kind}`}
                checked={media === kind}
                onChange={() => setMedia(kind)}
              />{' '}
              {t(`widget.${kind}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t('widget.describe')}
        <textarea
          data-testid="help-text"
          value={text}
          maxLength={MAX_TEXT_LENGTH}
          onChange={(e) => setText(e.target.value)}
          required={channel === 'text'}
        />
      </label>
      {channel !== 'text' && <ArticleSuggestions text={text} language={language} />}
      <label>
        {t('widget.category')}
        <select value={category} onChange={(e) => setCategory(e.target.value as CategoryName | '')}>
          <option value="">—</option>
          <CategoryOptions />
        </select>
      </label>
      {channel === 'text' && (
        <label className="check" title={t('assistant.tryFirstHint')}>
          <input
            type="checkbox"
            data-testid="help-assistant"
            checked={assistant}
            onChange={(e) => setAssistant(e.target.checked)}
          />{' '}
          {t('assistant.tryFirst')}
        </label>
      )}
      {channel === 'voice' ? (
        <>
          <VoiceRecorder onSend={(recording) => onSubmit(fields(), recording)} />
          <VideoRecorder onSend={(clip) => onSubmit(fields(), clip)} />
        </>
      ) : (
        <button type="submit" className="primary" data-testid="help-submit">
          {t('widget.submit')}
        </button>
      )}
    </form>
  );
}
