import { PortAtoms } from './port-atoms';

describe('PortAtoms', () => {
  // Cuts from TCP 80, TCP 443-445 and UDP 53: TCP atoms 1-79, 80, 81-442, 443-445, 446-65535;
  // UDP 1-52, 53, 54-65535; SCTP one atom.
  const atoms = new PortAtoms({ TCP: [80, 81, 443, 446], UDP: [53, 54], SCTP: [] });

  it('counts the atoms of every protocol', () => {
    expect(atoms.size).toBe(5 + 3 + 1);
  });

  it('turns ranges into atoms and atoms back into the connection notation', () => {
    const bits = atoms.empty();
    atoms.addRange(bits, 'TCP', 443, 445);
    atoms.addRange(bits, 'TCP', 80, 80);
    atoms.addRange(bits, 'UDP', 53, 53);
    expect(atoms.connections(bits).toString()).toBe('TCP 80,443-445,UDP 53');
  });

  it('a whole protocol and everything', () => {
    expect(atoms.connections(atoms.protocol('SCTP')).toString()).toBe('SCTP 1-65535');
    expect(atoms.connections(atoms.all).toString()).toBe('All Connections');
    expect(atoms.connections(atoms.empty()).toString()).toBe('No Connections');
  });

  it('reads a bitset stored at an offset of a larger buffer', () => {
    const bits = atoms.empty();
    atoms.addRange(bits, 'TCP', 1, 79);
    const buffer = new Uint32Array(bits.length * 3);
    buffer.set(bits, bits.length * 2);
    expect(atoms.connectionsAt(buffer, bits.length * 2).toString()).toBe('TCP 1-79');
  });
});
