/** A readable theme (every pair above 4.5:1) and the smallest bytes that pass as a PNG logo. */
export const BRAND_COLORS = { primary: '#5b2a86', on_primary: '#ffffff', background: '#fbf8ff', text: '#1b1020' };
export const PNG_LOGO = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('only-in-a-logo')]);
