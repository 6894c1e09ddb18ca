import { z } from 'zod';
import { authorize } from '../../accounts/scope.js';
import { actorOf } from '../../accounts/request-context.js';
import type { AppDeps } from '../../deps.js';
import { chinaDate } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app.js';
import { errorBody, idParams } from '../../platform/http/schemas.js';
import { listsPolicy } from '../policy.js';
import { lawArticleOut, lawOut, lawSearchOut, lawVersionTocOut, presentHit, presentLaw, presentParagraphs, presentVersion } from './presenter.js';
import { citationOf } from './parse.js';
import { articleLabels, findArticle, findVersion, listLaws, sameArticleIn } from './queries.js';
import { searchLaws } from './search.js';

/** 法律法规库 — the law library for staff: the laws, a version's contents, an article, search (issue 10). */
export async function lawRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => chinaDate(deps.clock.now());

  app.get(
    '/api/laws',
    { schema: { tags: ['laws'], summary: '法律法规 The laws and their versions', response: { 200: z.object({ items: z.array(lawOut) }), 403: errorBody } } },
    async (request) => {
      authorize(listsPolicy, actorOf(request), 'law.read');
      return { items: (await listLaws(db, today())).map(presentLaw) };
    },
  );

  app.get(
    '/api/laws/search',
    {
      schema: {
        tags: ['laws'],
        summary: '检索法律法规 Search by title, citation or words',
        querystring: z.object({
          q: z.string().trim().min(1).max(100).describe('行政处罚法第五十一条, 处罚法 51, 第六十四条第一款, or words (听证)'),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: lawSearchOut, 400: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      authorize(listsPolicy, actorOf(request), 'law.read');
      const result = await searchLaws(db, request.query.q, request.query.limit);
      return {
        mode: result.mode,
        laws: (await listLaws(db, today(), result.lawIds)).map(presentLaw),
        articles: result.articles.map(presentHit),
        total: result.total,
        words: result.words,
      };
    },
  );

  app.get(
    '/api/law-versions/:id',
    { schema: { tags: ['laws'], summary: '法律法规目录 A version’s table of contents', params: idParams, response: { 200: lawVersionTocOut, 403: errorBody, 404: errorBody } } },
    async (request) => {
      authorize(listsPolicy, actorOf(request), 'law.read');
      const found = await findVersion(db, today(), request.params.id);
      if (!found) throw new AppError('NOT_FOUND');
      return {
        law: presentLaw(found.law),
        version: { ...presentVersion(found.state), history: found.version.history },
        divisions: found.version.divisions.map((d) => ({ level: d.level, label: d.label, name: d.name, firstArticle: d.firstArticle, lastArticle: d.lastArticle })),
        articles: await articleLabels(db, found.version.id),
      };
    },
  );

  app.get(
    '/api/law-versions/:id/articles/:number',
    {
      schema: {
        tags: ['laws'],
        summary: '法条 An article, and the same article in the law’s other versions',
        params: idParams.extend({ number: z.coerce.number().int().min(1).max(9999) }),
        response: { 200: lawArticleOut, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      authorize(listsPolicy, actorOf(request), 'law.read');
      const found = await findVersion(db, today(), request.params.id);
      const article = found && (await findArticle(db, found.version.id, request.params.number));
      if (!found || !article) throw new AppError('NOT_FOUND');
      const others = found.law.versions.filter((v) => v.id !== found.version.id);
      const same = await sameArticleIn(db, others.map((v) => v.id), article.number);
      return {
        law: presentLaw(found.law),
        version: presentVersion(found.state),
        article: {
          number: article.number,
          label: article.label,
          citation: citationOf(found.law.title, found.version.versionDate, article.number),
          divisions: article.divisions,
          paragraphs: presentParagraphs(article.paragraphs),
        },
        otherVersions: others.map((v) => {
          const other = same.find((s) => s.versionId === v.id);
          return { version: presentVersion(v), label: other?.label ?? null, paragraphs: other ? presentParagraphs(other.paragraphs) : null, sameText: other?.fullText === article.fullText };
        }),
      };
    },
  );
}
