// 时限规则: the deadline-rule versions (in force, coming, superseded) with who published them and why; one version's
// rules by item with each clock's length in words and where the rule comes from, so a local default is never taken for
// statute. Administrators publish a new version after the server's preview; supervisors read it.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime, shanghaiDate } from '../format.js';
import { rulesForm } from '../parts/rules-form.js';
import { lengthText, rulesPreviewPanel } from '../parts/rules-preview.js';

const items = ['ticket', 'petition', 'legalAid', 'rehab'];

export async function render(main, { user, query }) {
  const admin = user.role === 'admin';
  const state = { view: null, chosen: Number(query.get('version')) || null };
  const notice = h('div', { id: 'rules-notice' });
  const versionsPanel = h('section', { class: 'panel', 'aria-labelledby': 'rules-versions-heading' });
  const versionPanel = h('section', { class: 'panel', id: 'rules-version', 'aria-labelledby': 'rules-version-heading' });
  const publishPanel = admin ? h('section', { class: 'panel', id: 'rules-publish', 'aria-labelledby': 'rules-publish-heading' }) : null;
  const who = (userId, role) => (userId === user.id ? t('workcal.you', { name: user.displayName || user.email }) : `${word('role', role)} ${userId}`);
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  main.append(h('h1', {}, t('rules.title')), h('p', { class: 'hint' }, t(admin ? 'rules.intro.admin' : 'rules.intro.reader')), notice,
    versionsPanel, versionPanel, publishPanel);

  async function load() {
    state.view = await api('/api/sla-rules');
    const known = state.view.versions.some(v => v.version === state.chosen);
    if (!known) state.chosen = state.view.version;
    drawVersions();
    drawVersion();
    if (admin) drawPublish();
  }

  const today = () => shanghaiDate();
  const statusText = v => (v.inForce ? t('rules.status.inForce')
    : v.effectiveFrom > today() ? t('rules.status.coming', { date: v.effectiveFrom }) : t('rules.status.superseded'));
  const publishedText = v => (v.publishedAt
    ? t('rules.published.by', { who: who(v.publishedBy, v.publishedRole), at: dateTime(v.publishedAt) })
    : t('rules.published.shipped'));

  function drawVersions() {
    const versions = [...state.view.versions].reverse();
    fill(versionsPanel, h('h2', { id: 'rules-versions-heading' }, t('rules.versions.title')),
      h('div', { class: 'table-wrap' }, h('table', { id: 'rules-versions' },
        h('caption', {}, t('rules.versions.caption')),
        h('thead', {}, h('tr', {}, ['rules.col.version', 'rules.col.effectiveFrom', 'rules.col.status', 'rules.col.published', 'rules.col.reason']
          .map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, versions.map(v => h('tr', { id: `rules-version-${v.version}-row` },
          h('th', { scope: 'row' }, h('button', {
            type: 'button', id: `rules-version-${v.version}`, class: v.version === state.chosen ? 'primary' : null,
            'aria-current': v.version === state.chosen ? 'true' : null, onclick: () => choose(v.version),
          }, t('rules.version', { version: v.version }))),
          h('td', {}, v.effectiveFrom),
          h('td', { id: `rules-version-${v.version}-status` }, statusText(v)),
          h('td', {}, publishedText(v)),
          h('td', { id: `rules-version-${v.version}-reason` }, v.reason ?? '—')))))));
  }

  function choose(version) {
    state.chosen = version;
    history.replaceState(null, '', `#/admin/rules?version=${version}`);
    drawVersions();
    drawVersion();
    versionPanel.querySelector('#rules-version-heading').focus();
  }

  function drawVersion() {
    const v = state.view.versions.find(x => x.version === state.chosen);
    fill(versionPanel,
      h('h2', { id: 'rules-version-heading', tabindex: '-1' }, t('rules.version.title', { version: v.version, status: statusText(v) })),
      h('dl', { class: 'facts' },
        h('dt', {}, t('rules.col.effectiveFrom')), h('dd', {}, v.effectiveFrom),
        h('dt', {}, t('rules.warningAt')), h('dd', {}, `${v.warningAtPercent}%`),
        h('dt', {}, t('rules.col.published')), h('dd', {}, publishedText(v)),
        v.reason ? [h('dt', {}, t('rules.col.reason')), h('dd', {}, v.reason)] : null),
      items.map(item => ruleTable(item, v.rules.filter(r => r.item === item))));
  }

  function ruleTable(item, rules) {
    if (!rules.length) return null;
    return [h('h3', { id: `rules-item-${item}-heading` }, t(`rules.item.${item}`)),
      h('div', { class: 'table-wrap' }, h('table', { id: `rules-item-${item}`, class: 'rules-table', 'aria-labelledby': `rules-item-${item}-heading` },
        h('thead', {}, h('tr', {}, ['rules.col.rule', 'rules.col.lengths', 'rules.col.source', 'rules.col.note']
          .map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, rules.map(r => h('tr', {},
          h('th', { scope: 'row' }, ruleName(r)),
          h('td', {}, h('ul', { class: 'plain' }, r.clocks.map(c => h('li', {}, `${clockName(c.clock)}：${lengthText(c.amount, c.unit)}`)),
            r.from ? h('li', {}, t('rules.from', { from: word('rules.start', r.from) })) : null)),
          h('td', { class: 'rule-source' }, isLocal(r.source) ? h('strong', { class: 'badge' }, t('rules.localDefault')) : null,
            h('strong', {}, r.source)),
          h('td', {}, r.note ?? '—'))))))];
  }

  function drawPublish() {
    const latest = state.view.versions.at(-1);
    const previewBox = h('div', { id: 'rules-preview-box' });
    const form = rulesForm(latest, {
      onEdit: () => previewBox.replaceChildren(),
      onPreview: async body => {
        try {
          const preview = await api('/api/sla-rules/versions/preview', { method: 'POST', body });
          const panel = rulesPreviewPanel(preview, {
            onBack: () => { previewBox.replaceChildren(); form.focusFirst(); },
            onConfirm: () => publish(body, form, previewBox),
          });
          fill(previewBox, panel.el);
          panel.focus();
        } catch (problem) {
          form.showServerErrors(problem);
        }
      },
    });
    fill(publishPanel, h('h2', { id: 'rules-publish-heading' }, t('rules.publish.title')), form.el, previewBox);
  }

  async function publish(body, form, previewBox) {
    let published;
    try {
      published = await api('/api/sla-rules/versions', { method: 'POST', body });
    } catch (problem) {
      previewBox.replaceChildren();
      form.showServerErrors(problem);
      return;
    }
    state.chosen = published.version;
    history.replaceState(null, '', `#/admin/rules?version=${published.version}`);
    await load();
    say(t('rules.published', { version: published.version, date: published.effectiveFrom }), 'success');
    versionPanel.querySelector('#rules-version-heading').focus();
  }

  try {
    await load();
  } catch (problem) {
    say(problem.text, 'failure');
  }
}

/** A ticket rule's kind and urgency in words ("投诉 · 一般"), a case's or visit's clock by its name. */
function ruleName(rule) {
  if (rule.item !== 'ticket') return clockName(rule.name);
  const [kind, urgency] = rule.name.split('/');
  return `${kind === '*' ? t('rules.anyKind') : word('kind', kind)} · ${word('urgency', urgency)}`;
}

export const clockName = clock => word('rules.clock', clock);

/** Whether a rule names no statute: the shipped files say "Local default" or "Local practice". */
const isLocal = source => /^\s*local\b|本地|地方默认/i.test(source ?? '');
