// Which units of one kind a user may pick: staff their own, county supervisors their county, others all.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { nameOf, supervisesOneCounty } from '../reference.js';

/** The units whose lists this user may open. */
export function visibleUnits(units, user) {
  if (user.role === 'unit_staff') return units.filter(u => u.code === user.unitCode);
  if (supervisesOneCounty(user)) return units.filter(u => u.countyCode === user.areaCode);
  return units;
}

export const unitsOfKind = (units, user, kind) => visibleUnits(units.filter(u => u.kind === kind), user);

/** A unit select when there is more than one unit to choose from, else null. */
export function unitPicker(visible, selected, onchange) {
  if (visible.length < 2) return null;
  return h('div', { class: 'field' }, h('label', { for: 'unit-picker' }, t('worklist.unit')),
    h('select', { id: 'unit-picker', onchange: e => onchange(e.target.value) },
      visible.map(u => h('option', { value: u.code, selected: u.code === selected }, nameOf(u)))));
}
