import { NotFoundException } from '@nestjs/common';
import { isDownstreamFailure } from './downstream-failure';

describe('isDownstreamFailure', () => {
  it.each(['circuit_open', 'rate_limited', 'timeout', 'unavailable', 'rejected', 'contract'])('recognises a DownstreamError of kind %s', (kind) => {
    // Arrange
    const error = Object.assign(new Error('knowledge is down'), { downstream: 'knowledge', kind, httpStatus: 503 });

    // Act / Assert
    expect(isDownstreamFailure(error)).toBe(true);
  });

  it.each([
    ['an HttpException', new NotFoundException()],
    ['a plain Error', new Error('boom')],
    ['an unknown kind', Object.assign(new Error('x'), { downstream: 'knowledge', kind: 'other', httpStatus: 503 })],
    ['a non-error', { downstream: 'knowledge', kind: 'timeout', httpStatus: 504 }],
  ])('rejects %s', (_name, error) => {
    expect(isDownstreamFailure(error)).toBe(false);
  });
});
