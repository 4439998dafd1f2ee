// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { LAUNCH, scormManifest } from '../scripts/build-scorm';

const ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';

describe('the SCORM 1.2 manifest', () => {
  const files = [LAUNCH, 'assets/index-a&b.js', 'assets/trainee-x.css'];
  const doc = new DOMParser().parseFromString(scormManifest(files, '0.1.0'), 'application/xml');

  it('is well-formed XML in IMS Content Packaging 1.1.2’s namespace, with ADL’s extension and their schemas', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const manifest = doc.documentElement;
    expect(manifest.namespaceURI).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(manifest.getAttribute('xsi:schemaLocation')?.split(/\s+/)).toEqual([
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
      'imscp_rootv1p1p2.xsd',
      'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
      'imsmd_rootv1p2p1.xsd',
      ADLCP,
      'adlcp_rootv1p2.xsd',
    ]);
    expect(doc.getElementsByTagName('schema')[0]?.textContent).toBe('ADL SCORM');
    expect(doc.getElementsByTagName('schemaversion')[0]?.textContent).toBe('1.2');
  });

  it('has one organization whose one item is the one SCO, launched from the app’s page, with every file', () => {
    const organizations = doc.getElementsByTagName('organizations')[0];
    const [organization, ...others] = [...doc.getElementsByTagName('organization')];
    expect(others).toEqual([]);
    expect(organizations?.getAttribute('default')).toBe(organization?.getAttribute('identifier'));
    const items = [...doc.getElementsByTagName('item')];
    expect(items).toHaveLength(1);
    const [resource, ...more] = [...doc.getElementsByTagName('resource')];
    expect(more).toEqual([]);
    expect(items[0]?.getAttribute('identifierref')).toBe(resource?.getAttribute('identifier'));
    expect(resource?.getAttributeNS(ADLCP, 'scormtype')).toBe('sco');
    expect(resource?.getAttribute('type')).toBe('webcontent');
    expect(resource?.getAttribute('href')).toBe(LAUNCH);
    expect([...doc.getElementsByTagName('file')].map((f) => f.getAttribute('href'))).toEqual(files);
  });
});
